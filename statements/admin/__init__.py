"""Curation in the Django admin: searchable lists, and forms whose saves go through the services.

One module per model (each registers its admin when imported, as Django's admin autodiscovery
imports this package); the service-backed machinery they share in ``base``, the lists at scale
in ``lists``, the quote shown in its source in ``quotes``.
"""

from statements.admin import (  # noqa: F401 (imported for their registrations)
    attributions,
    corrections,
    memberships,
    relations,
    sources,
    speakers,
    statements,
    topics,
)
