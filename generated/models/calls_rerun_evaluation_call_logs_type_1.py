from enum import StrEnum


class CallsRerunEvaluationCallLogsType1(StrEnum):
    ALL = "all"

    def __str__(self) -> str:
        return str(self.value)
