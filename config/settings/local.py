"""Settings for `make run` on a developer's machine: DEBUG on, embedded SQLite by default."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
