from enum import StrEnum


class TriggerType(StrEnum):
    CUSTOM_CODE = "custom_code"
    LLM_JUDGE = "llm_judge"

    def __str__(self) -> str:
        return str(self.value)
