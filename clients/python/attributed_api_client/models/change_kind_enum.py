from enum import StrEnum

class ChangeKindEnum(StrEnum):
    CORRECTED = "corrected"
    CREATED = "created"
    DELETED = "deleted"
    PUBLISHED = "published"
    RETRACTED = "retracted"
    UPDATED = "updated"

    def __str__(self) -> str:
        return str(self.value)
