from enum import StrEnum


class CriticalCategoryFlagPriority(StrEnum):
    CRITICAL = "critical"
    NON_CRITICAL = "non-critical"
    NOT_A_BUG = "not_a_bug"

    def __str__(self) -> str:
        return str(self.value)
