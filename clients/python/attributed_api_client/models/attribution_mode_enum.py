from enum import StrEnum

class AttributionModeEnum(StrEnum):
    DIRECT_QUOTE = "direct_quote"
    PARAPHRASE = "paraphrase"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
