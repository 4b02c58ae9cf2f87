from enum import StrEnum


class MetricType(StrEnum):
    BASIC = "basic"
    CUSTOM_CODE = "custom_code"
    CUSTOM_PROMPT = "custom_prompt"
    LLM_JUDGE = "llm_judge"

    def __str__(self) -> str:
        return str(self.value)
