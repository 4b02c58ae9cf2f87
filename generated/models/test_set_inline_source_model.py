from enum import StrEnum


class TestSetInlineSourceModel(StrEnum):
    CALLLOG = "CallLog"
    RUN = "Run"

    def __str__(self) -> str:
        return str(self.value)
