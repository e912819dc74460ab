from enum import StrEnum

class ReasonsEnum(StrEnum):
    SAME_NAME = "same_name"
    SIMILAR_NAME = "similar_name"

    def __str__(self) -> str:
        return str(self.value)
