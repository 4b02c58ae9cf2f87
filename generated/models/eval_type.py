from enum import StrEnum


class EvalType(StrEnum):
    BINARY = "binary"
    CONTINUOUS_QUALITATIVE = "continuous_qualitative"
    ENUM = "enum"
    NUMERIC = "numeric"

    def __str__(self) -> str:
        return str(self.value)
