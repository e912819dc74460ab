from enum import StrEnum

class SpeechActEnum(StrEnum):
    ASSERTION = "assertion"
    CONCERN = "concern"
    DENIAL = "denial"
    OTHER = "other"
    PROJECTION = "projection"
    REQUEST = "request"
    WARNING = "warning"

    def __str__(self) -> str:
        return str(self.value)
