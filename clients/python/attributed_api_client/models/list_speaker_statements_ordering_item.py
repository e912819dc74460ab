from enum import StrEnum

class ListSpeakerStatementsOrderingItem(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    ID = "id"
    ID_DESC = "-id"
    PUBLISHED_AT = "published_at"
    PUBLISHED_AT_DESC = "-published_at"
    RELEVANCE = "relevance"
    STATED_ON = "stated_on"
    STATED_ON_DESC = "-stated_on"
    UPDATED_AT = "updated_at"
    UPDATED_AT_DESC = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
