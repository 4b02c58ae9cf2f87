from enum import StrEnum


class PredefinedCategory(StrEnum):
    ACCURACY = "Accuracy"
    CONVERSATION_QUALITY = "Conversation Quality"
    CUSTOMER_EXPERIENCE = "Customer Experience"
    SPEECH_QUALITY = "Speech Quality"

    def __str__(self) -> str:
        return str(self.value)
