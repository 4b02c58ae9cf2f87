from enum import StrEnum


class CallStatus(StrEnum):
    FAILURE = "failure"
    REVIEWED_FAILURE = "reviewed_failure"
    REVIEWED_SUCCESS = "reviewed_success"
    SUCCESS = "success"

    def __str__(self) -> str:
        return str(self.value)
