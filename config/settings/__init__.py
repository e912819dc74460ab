"""Settings modules: ``base`` (shared), ``local`` (make run), ``test`` and ``production``."""
