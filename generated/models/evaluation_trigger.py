from enum import StrEnum


class EvaluationTrigger(StrEnum):
    ALWAYS = "always"
    AUTOMATIC = "automatic"
    CUSTOM = "custom"

    def __str__(self) -> str:
        return str(self.value)
