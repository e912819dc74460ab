from enum import StrEnum

class RelationKindEnum(StrEnum):
    CONTRADICTS = "contradicts"
    DENIES = "denies"
    RESPONDS_TO = "responds_to"
    SAME_CLAIM = "same_claim"
    SUPPORTS = "supports"
    UPDATES = "updates"

    def __str__(self) -> str:
        return str(self.value)
