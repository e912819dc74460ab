from enum import StrEnum

class AnchorStatusEnum(StrEnum):
    ANCHORED = "anchored"
    ORPHANED = "orphaned"
    REANCHORED = "reanchored"
    UNANCHORED = "unanchored"

    def __str__(self) -> str:
        return str(self.value)
