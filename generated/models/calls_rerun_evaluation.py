from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.calls_rerun_evaluation_call_logs_type_1 import (
    CallsRerunEvaluationCallLogsType1,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="CallsRerunEvaluation")


@_attrs_define
class CallsRerunEvaluation:
    """Name the agent by id or by assistant id (not both).
    Our definition of the required set: upstream marks both agent ids required, while its
    own text and examples send only one of them.

        Attributes:
            call_logs (CallsRerunEvaluationCallLogsType1 | list[int]): Our definition: a list of call log ids, or the string
                `all`. Upstream's schema says
                only a list, while its text and examples accept `all`.
            agent_id (int | Unset):
            assistant_id (int | str | Unset): Our definition: external assistant ids are text everywhere else in the API
                (e.g.
                `asst_...`); upstream types this one as an integer. Both are accepted.
    """

    call_logs: CallsRerunEvaluationCallLogsType1 | list[int]
    agent_id: int | Unset = UNSET
    assistant_id: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        call_logs: list[int] | str
        if isinstance(self.call_logs, list):
            call_logs = self.call_logs

        else:
            call_logs = self.call_logs.value

        agent_id = self.agent_id

        assistant_id: int | str | Unset
        if isinstance(self.assistant_id, Unset):
            assistant_id = UNSET
        else:
            assistant_id = self.assistant_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "call_logs": call_logs,
            }
        )
        if agent_id is not UNSET:
            field_dict["agent_id"] = agent_id
        if assistant_id is not UNSET:
            field_dict["assistant_id"] = assistant_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_call_logs(
            data: object,
        ) -> CallsRerunEvaluationCallLogsType1 | list[int]:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                call_logs_type_0 = cast(list[int], data)

                return call_logs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            call_logs_type_1 = CallsRerunEvaluationCallLogsType1(data)

            return call_logs_type_1

        call_logs = _parse_call_logs(d.pop("call_logs"))

        agent_id = d.pop("agent_id", UNSET)

        def _parse_assistant_id(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        assistant_id = _parse_assistant_id(d.pop("assistant_id", UNSET))

        calls_rerun_evaluation = cls(
            call_logs=call_logs,
            agent_id=agent_id,
            assistant_id=assistant_id,
        )

        calls_rerun_evaluation.additional_properties = d
        return calls_rerun_evaluation

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
