"""Domain errors that services raise; the API answers them as problem+json."""


class ConflictError(Exception):
    """The action is not possible in the object's current state (answered as 409)."""
