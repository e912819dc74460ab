"""Test data, built the way the product builds it.

Every factory creates through ``statements.services``: its ``_create`` calls the service, so
a record made here has its search document and its history, and is refused where the
product would refuse it. That is why the factories are ``factory.Factory`` and not
``DjangoModelFactory``, which writes with ``objects.create()`` (past the services) and
saves once more after its post-generation hooks.

A factory declares only what its model requires (a numbered name, a kind); a test passes
what it cares about, so that the test shows it. The rule of quotes holds by construction:
an attribution given a quote and no source gets a source whose body contains the quote.

``World`` is the small, fully known set of records behind the ``world`` fixture; the
builders after it add to a world.
"""

import datetime as dt

import factory
from django.contrib.auth.models import Group, Permission, User

from statements import services
from statements.choices import (
    AttributionMode,
    RelationKind,
    SourceKind,
    SpeakerKind,
    SpeechAct,
)
from statements.models import Attribution, Relation, Source, Speaker, Statement, Topic
from statements.roles import GROUP_PERMISSIONS

# --- Users --------------------------------------------------------------------------------------


def editorial_group(name: str) -> Group:
    """The group the migration created, with its permissions."""
    group, created = Group.objects.get_or_create(name=name)
    if created:
        # A live-server test flushed the database, and the migration's groups with it.
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="statements", codename__in=GROUP_PERMISSIONS[name]
            )
        )
    return group


class UserFactory(factory.Factory):
    """A user whose password is ``<username>-Pa55word!``: staff when in an editorial group
    (``group=EDITORS`` or ``REVIEWERS``) or a superuser."""

    class Meta:
        model = User

    username = factory.Sequence(lambda number: f"user{number}")
    group = None
    superuser = False

    @classmethod
    def _create(cls, model_class, *, username: str, group: str | None, superuser: bool) -> User:
        user = model_class.objects.create_user(
            username=username,
            password=f"{username}-Pa55word!",
            is_superuser=superuser,
            is_staff=superuser or group is not None,
        )
        if group:
            user.groups.add(editorial_group(group))
        return user


# --- Records, through the services --------------------------------------------------------------


class SpeakerFactory(factory.Factory):
    class Meta:
        model = Speaker

    user = None  # who the history says made it
    name = factory.Sequence(lambda number: f"Speaker {number}")
    kind = SpeakerKind.PERSON

    @classmethod
    def _create(cls, model_class, **fields) -> Speaker:
        return services.speaker_create(**fields)


class SourceFactory(factory.Factory):
    class Meta:
        model = Source

    user = None
    title = factory.Sequence(lambda number: f"Source {number}")
    url = factory.Sequence(lambda number: f"https://news.example/source-{number}")

    @classmethod
    def _create(cls, model_class, **fields) -> Source:
        return services.source_create(**fields)


def _source_quoting(source) -> str:
    """A source whose body holds the attribution's quote, or no body when it has none."""
    quote = source.factory_parent.quote_exact
    return f"As reported: {quote}." if quote else ""


class AttributionFieldsFactory(factory.DictFactory):
    """An attribution as ``statement_create`` and ``statement_update`` take it: a dict."""

    speaker = factory.SubFactory(SpeakerFactory)
    source = factory.SubFactory(SourceFactory, body=factory.LazyAttribute(_source_quoting))
    mode = AttributionMode.SUMMARY
    speech_act = SpeechAct.ASSERTION
    quote_exact = ""


class StatementFactory(factory.Factory):
    """A draft with the given attributions (by default none: pass ``attributions=[...]``,
    for instance of ``AttributionFieldsFactory()``); ``publish=True`` publishes it."""

    class Meta:
        model = Statement

    user = None
    text = factory.Sequence(lambda number: f"Statement number {number}.")
    topics = ()
    attributions = ()

    @classmethod
    def _create(cls, model_class, **fields) -> Statement:
        return services.statement_create(**fields)

    @factory.post_generation
    def publish(statement, create: bool, publish: bool, **kwargs) -> None:
        if create and publish:
            services.statement_publish(statement=statement, user=None)
            statement.refresh_from_db()  # the service published a copy it locked


class AttributionFactory(factory.Factory):
    """An attribution added to a statement (a new draft unless given)."""

    class Meta:
        model = Attribution

    user = None
    statement = factory.SubFactory(StatementFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    source = factory.SubFactory(SourceFactory, body=factory.LazyAttribute(_source_quoting))
    mode = AttributionMode.SUMMARY
    speech_act = SpeechAct.ASSERTION
    quote_exact = ""

    @classmethod
    def _create(cls, model_class, **fields) -> Attribution:
        return services.attribution_create(**fields)


class RelationFactory(factory.Factory):
    class Meta:
        model = Relation

    user = None
    from_statement = factory.SubFactory(StatementFactory)
    to_statement = factory.SubFactory(StatementFactory)
    kind = RelationKind.SUPPORTS

    @classmethod
    def _create(cls, model_class, **fields) -> Relation:
        return services.relation_create(**fields)


class TopicFactory(factory.django.DjangoModelFactory):
    """A topic row alone; statements get theirs from ``statement_create(topics=...)``, which
    normalizes the slugs. A topic has no service and keeps no history."""

    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda number: f"topic-{number}")


# --- The world ----------------------------------------------------------------------------------

BODY = (
    "The minister said the troops had left. Officials denied it. "
    "The minister said the troops had left, again, at the briefing."
)


class World:
    """A small, fully known set of records, built through the services."""

    def __init__(self) -> None:
        self.minister = SpeakerFactory(
            name="Jane Roe", kind=SpeakerKind.PERSON, aliases=["J. Roe"], country="GB"
        )
        self.ministry = SpeakerFactory(
            name="Ministry of Truth", kind=SpeakerKind.GOVERNMENT, country="GB"
        )
        self.officials = SpeakerFactory(name="Officials", kind=SpeakerKind.UNNAMED)
        self.article = SourceFactory(
            title="Troops leave the border",
            url="https://news.example/troops",
            publisher="Daily Example",
            kind=SourceKind.NEWS_ARTICLE,
            published_at=dt.datetime(2024, 10, 24, 9, 0, tzinfo=dt.UTC),
            body=BODY,
        )
        self.briefing = SourceFactory(
            title="Press briefing transcript",
            url="https://gov.example/briefing",
            publisher="Gov Example",
            kind=SourceKind.PRESS_BRIEFING,
            published_at=dt.datetime(2023, 5, 2, tzinfo=dt.UTC),
        )
        self.claim = StatementFactory(
            text="The troops had left.",
            topics=["Troops", "border"],
            attributions=[
                {
                    "speaker": self.minister,
                    "source": self.article,
                    "mode": AttributionMode.PARAPHRASE,
                    "speech_act": SpeechAct.ASSERTION,
                    "verb": "said",
                    "speaker_role": "defence minister",
                    "on_behalf_of": self.ministry,
                    "stated_on": dt.date(2024, 10, 23),
                    "quote_exact": "The minister said the troops had left",
                    "quote_prefix": "",
                    "quote_suffix": ".",
                },
                {
                    "speaker": self.minister,
                    "source": self.briefing,
                    "mode": AttributionMode.DIRECT_QUOTE,
                    "speech_act": SpeechAct.ASSERTION,
                    "verb": "said",
                    "stated_on": dt.date(2023, 5, 1),
                    "quote_exact": "the troops have left",
                },
            ],
        )
        self.denial = StatementFactory(
            text="Officials denied that the troops had left.",
            topics=["troops"],
            attributions=[
                {
                    "speaker": self.officials,
                    "source": self.article,
                    "mode": AttributionMode.SUMMARY,
                    "speech_act": SpeechAct.DENIAL,
                    "verb": "denied",
                    "quote_exact": "Officials denied it.",
                }
            ],
        )
        self.draft = StatementFactory(
            text="A draft nobody outside may read.",
            attributions=[
                {
                    "speaker": self.ministry,
                    "source": self.briefing,
                    "mode": AttributionMode.SUMMARY,
                    "speech_act": SpeechAct.WARNING,
                }
            ],
        )
        for statement in (self.claim, self.denial):
            services.statement_publish(statement=statement, user=None)
        self.relation = RelationFactory(
            from_statement=self.denial, to_statement=self.claim, kind="denies"
        )

    def refresh(self) -> None:
        for name in ("claim", "denial", "draft"):
            getattr(self, name).refresh_from_db()

    def sample(self, model: str):
        """One record of the model (by its admin name)."""
        return {
            "speaker": lambda: self.minister,
            "source": lambda: self.article,
            "topic": lambda: Topic.objects.get(slug="troops"),
            "statement": lambda: self.claim,
            "attribution": lambda: self.claim.attributions.get(source=self.article),
            "relation": lambda: self.relation,
        }[model]()

    def named(self, name: str):
        """A record by its name here, or one of the attributions and topics by theirs."""
        extra = {
            "denial_attribution": lambda: self.denial.attributions.get(),
            "draft_attribution": lambda: self.draft.attributions.get(),
            "claim_in_article": lambda: self.claim.attributions.get(source=self.article),
            "claim_in_briefing": lambda: self.claim.attributions.get(source=self.briefing),
            "border": lambda: Topic.objects.get(slug="border"),
            "troops": lambda: Topic.objects.get(slug="troops"),
        }
        return extra[name]() if name in extra else getattr(self, name)


# --- More of a world ----------------------------------------------------------------------------


def add_rows(world: World, count: int, *, start: int = 0) -> None:
    """``count`` more of everything, numbered from ``start``, so a page that queried per
    row would show it: a statement each, with its own speaker and source, two topics and a
    relation to the claim."""
    for number in range(start, start + count):
        statement = StatementFactory(
            text=f"Number {number} is up.",
            topics=[f"topic-{number}", "numbers"],
            attributions=[
                AttributionFieldsFactory(
                    speaker=SpeakerFactory(name=f"Speaker {number}", country="FR"),
                    source=SourceFactory(
                        title=f"Source {number}",
                        url=f"https://news.example/{number}",
                        publisher=f"Publisher {number % 3}",
                        body=f"Speaker {number} said number {number} is up.",
                    ),
                    mode=AttributionMode.PARAPHRASE,
                    quote_exact=f"number {number} is up",
                    on_behalf_of=world.ministry,
                )
            ],
        )
        RelationFactory(from_statement=statement, to_statement=world.claim)


def more_statements(world: World, count: int) -> None:
    """``count`` more published statements, each the minister's in the briefing."""
    for number in range(count):
        StatementFactory(
            text=f"Exported statement {number}.",
            topics=["bulk"],
            attributions=[AttributionFieldsFactory(speaker=world.minister, source=world.briefing)],
            publish=True,
        )


def tricky_world(world: World, *, control_characters: bool = True) -> None:
    """Values whose JSON is easy to get wrong: control characters (stored before they were
    refused), U+2028, backslashes, non-ASCII, times with and without microseconds, missing
    dates, unsorted topics. Written past the services, as the services would refuse some."""
    odd = 'Quote "\\ \t\n\x01\x1f\x7f \u2028\u2029 été 😀 </script>'
    if not control_characters:
        odd = odd.replace("\x01\x1f\x7f", "")
    Statement.objects.filter(pk=world.claim.pk).update(
        text=odd,
        retraction_reason=odd,
        created_at=dt.datetime(2024, 1, 2, 3, 4, 5, 60, tzinfo=dt.UTC),
        updated_at=dt.datetime(2024, 1, 2, 3, 4, 5, 999999, tzinfo=dt.UTC),
    )
    Source.objects.filter(pk=world.briefing.pk).update(published_at=None, title=odd)
    Speaker.objects.filter(pk=world.minister.pk).update(name=odd)
    Attribution.objects.filter(statement=world.denial).update(
        verb=odd, stated_on=dt.date(999, 1, 2), quote_start=None, quote_end=None
    )
    for slug in ("zulu", "Ärger", "été", "alpha", "Zeta"):
        world.claim.topics.add(TopicFactory(slug=slug))
    StatementFactory(text="Nobody said it yet.")
