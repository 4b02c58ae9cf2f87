from enum import StrEnum


class FeedbackProgressImprovedTriggerKind(StrEnum):
    ALWAYS = "always"
    CUSTOM_CODE = "custom_code"
    LLM_JUDGE = "llm_judge"

    def __str__(self) -> str:
        return str(self.value)
