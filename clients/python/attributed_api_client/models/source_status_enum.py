from enum import StrEnum

class SourceStatusEnum(StrEnum):
    CORRECTED = "corrected"
    CURRENT = "current"
    RETRACTED = "retracted"

    def __str__(self) -> str:
        return str(self.value)
