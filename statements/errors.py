"""Domain errors that services raise; the API answers them as problem+json."""


class ConflictError(Exception):
    """The action is not possible in the object's current state (answered as 409)."""


class PermanentRedirect(Exception):
    """What was asked for lives at another URL for good (a merged speaker's id): answered
    as 308 with ``location``, no problem document."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location
