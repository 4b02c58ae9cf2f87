from enum import StrEnum


class TestSetSourceModel(StrEnum):
    CALLLOG = "CallLog"
    RUN = "Run"

    def __str__(self) -> str:
        return str(self.value)
