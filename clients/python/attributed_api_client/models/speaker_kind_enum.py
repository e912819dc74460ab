from enum import StrEnum

class SpeakerKindEnum(StrEnum):
    GOVERNMENT = "government"
    GROUP = "group"
    ORGANIZATION = "organization"
    PERSON = "person"
    UNNAMED = "unnamed"

    def __str__(self) -> str:
        return str(self.value)
