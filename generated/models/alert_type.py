from enum import StrEnum


class AlertType(StrEnum):
    DISABLED = "disabled"
    NORMAL = "normal"
    SIGNIFICANT_CHANGE = "significant_change"

    def __str__(self) -> str:
        return str(self.value)
