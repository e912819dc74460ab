from enum import StrEnum

class SourceKindEnum(StrEnum):
    INTERVIEW = "interview"
    NEWS_ARTICLE = "news_article"
    OFFICIAL_STATEMENT = "official_statement"
    OTHER = "other"
    PRESS_BRIEFING = "press_briefing"
    REPORT = "report"
    SOCIAL_MEDIA_POST = "social_media_post"
    TRANSCRIPT = "transcript"

    def __str__(self) -> str:
        return str(self.value)
