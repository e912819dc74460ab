"""Statements in bulk: the streamed export (``export``) and the import that reads it back
(``imports``)."""
