"""The factories build what the product would: through the services, with its rules held."""

from statements.choices import StatementStatus
from statements.models import SearchDocument
from statements.roles import EDITORS, REVIEWERS
from tests.factories import (
    AttributionFactory,
    AttributionFieldsFactory,
    RelationFactory,
    StatementFactory,
    UserFactory,
)


def test_a_quote_gets_a_source_whose_body_holds_it(db):
    attribution = AttributionFactory(quote_exact="the troops had left")
    body = attribution.source.body
    assert body[attribution.quote_start : attribution.quote_end] == "the troops had left"
    assert AttributionFactory().source.body == ""


def test_a_published_statement_has_its_search_document_and_its_history(db):
    statement = StatementFactory(attributions=[AttributionFieldsFactory()], publish=True)
    assert statement.status == StatementStatus.PUBLISHED
    assert SearchDocument.objects.get(statement=statement).published
    assert statement.history.count() == 2  # created, then published
    assert RelationFactory(to_statement=statement).history.count() == 1


def test_users_hold_their_roles(db):
    editor = UserFactory(group=EDITORS)
    reviewer = UserFactory(group=REVIEWERS)
    assert editor.is_staff
    assert editor.has_perm("statements.add_statement")
    assert not editor.has_perm("statements.publish_statement")
    assert reviewer.has_perm("statements.publish_statement")
    assert UserFactory(superuser=True).is_superuser
    assert not UserFactory().is_staff
