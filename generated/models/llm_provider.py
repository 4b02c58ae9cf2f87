from enum import StrEnum


class LlmProvider(StrEnum):
    DEEPSEEK_V4_FLASH = "deepseek-v4-flash"
    DSPY_GEPA_GEMINI_FLASH = "dspy-gepa-gemini-flash"
    GEMINI = "gemini"
    OPENAI = "openai"

    def __str__(self) -> str:
        return str(self.value)
