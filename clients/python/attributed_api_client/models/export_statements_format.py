from enum import StrEnum

class ExportStatementsFormat(StrEnum):
    CSV = "csv"
    JSONLD = "jsonld"
    NDJSON = "ndjson"

    def __str__(self) -> str:
        return str(self.value)
