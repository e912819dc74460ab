from enum import StrEnum

class ListSourcesOrderingItem(StrEnum):
    CREATED_AT = "created_at"
    CREATED_AT_DESC = "-created_at"
    ID = "id"
    ID_DESC = "-id"
    PUBLISHED_AT = "published_at"
    PUBLISHED_AT_DESC = "-published_at"
    TITLE = "title"
    TITLE_DESC = "-title"
    UPDATED_AT = "updated_at"
    UPDATED_AT_DESC = "-updated_at"

    def __str__(self) -> str:
        return str(self.value)
