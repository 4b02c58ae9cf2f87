from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KnowledgeBaseFile")


@_attrs_define
class KnowledgeBaseFile:
    """
    Attributes:
        agent (int):
        id (int | Unset):
        file_url (str | Unset):
        file_name (str | Unset):
        file_type (str | Unset):
        file_size (int | Unset):
        created_at (datetime.datetime | Unset):
        updated_at (datetime.datetime | Unset):
    """

    agent: int
    id: int | Unset = UNSET
    file_url: str | Unset = UNSET
    file_name: str | Unset = UNSET
    file_type: str | Unset = UNSET
    file_size: int | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        agent = self.agent

        id = self.id

        file_url = self.file_url

        file_name = self.file_name

        file_type = self.file_type

        file_size = self.file_size

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "agent": agent,
            }
        )
        if id is not UNSET:
            field_dict["id"] = id
        if file_url is not UNSET:
            field_dict["file_url"] = file_url
        if file_name is not UNSET:
            field_dict["file_name"] = file_name
        if file_type is not UNSET:
            field_dict["file_type"] = file_type
        if file_size is not UNSET:
            field_dict["file_size"] = file_size
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        agent = d.pop("agent")

        id = d.pop("id", UNSET)

        file_url = d.pop("file_url", UNSET)

        file_name = d.pop("file_name", UNSET)

        file_type = d.pop("file_type", UNSET)

        file_size = d.pop("file_size", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        knowledge_base_file = cls(
            agent=agent,
            id=id,
            file_url=file_url,
            file_name=file_name,
            file_type=file_type,
            file_size=file_size,
            created_at=created_at,
            updated_at=updated_at,
        )

        knowledge_base_file.additional_properties = d
        return knowledge_base_file

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
