from enum import StrEnum


class RunStatus(StrEnum):
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    EVALUATING = "evaluating"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    IN_QUEUE = "in_queue"
    PENDING = "pending"
    RUNNING = "running"
    SCALING_UP = "scaling_up"
    TIMEOUT = "timeout"

    def __str__(self) -> str:
        return str(self.value)
