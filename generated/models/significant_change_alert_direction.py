from enum import StrEnum


class SignificantChangeAlertDirection(StrEnum):
    DECREASE = "decrease"
    INCREASE = "increase"
    VALUE_0 = ""

    def __str__(self) -> str:
        return str(self.value)
