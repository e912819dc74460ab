from enum import StrEnum

class ChangeObjectEnum(StrEnum):
    MEMBERSHIP = "membership"
    SOURCE = "source"
    SPEAKER = "speaker"
    STATEMENT = "statement"

    def __str__(self) -> str:
        return str(self.value)
