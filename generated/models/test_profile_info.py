from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.test_profile_info_information import TestProfileInfoInformation


T = TypeVar("T", bound="TestProfileInfo")


@_attrs_define
class TestProfileInfo:
    """
    Attributes:
        id (int):
        name (str):
        information (TestProfileInfoInformation):
    """

    id: int
    name: str
    information: TestProfileInfoInformation
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        information = self.information.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "information": information,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.test_profile_info_information import TestProfileInfoInformation

        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        information = TestProfileInfoInformation.from_dict(d.pop("information"))

        test_profile_info = cls(
            id=id,
            name=name,
            information=information,
        )

        test_profile_info.additional_properties = d
        return test_profile_info

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
