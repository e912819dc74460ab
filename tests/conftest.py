"""Shared fixtures: clients for each role, and a small world of data built through services."""

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.management import call_command
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements import services
from statements.choices import AttributionMode, SourceKind, SpeakerKind, SpeechAct
from statements.roles import EDITORS, GROUP_PERMISSIONS, REVIEWERS

SEED_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "seed_article.json"

BODY = (
    "The minister said the troops had left. Officials denied it. "
    "The minister said the troops had left, again, at the briefing."
)


def _group(name: str) -> Group:
    group, created = Group.objects.get_or_create(name=name)
    if created:
        # A live-server test flushed the database, and the migration's groups with it.
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label="statements", codename__in=GROUP_PERMISSIONS[name]
            )
        )
    return group


def _user(username: str, *, group: str | None = None, superuser: bool = False) -> User:
    user = User.objects.create_user(
        username=username,
        password=f"{username}-Pa55word!",
        is_superuser=superuser,
        is_staff=superuser or group is not None,
    )
    if group:
        user.groups.add(_group(group))
    return user


def _token_client(user: User) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    client.user = user
    return client


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


@pytest.fixture
def editor_user(db) -> User:
    return _user("edna", group=EDITORS)


@pytest.fixture
def editor(editor_user) -> APIClient:
    return _token_client(editor_user)


@pytest.fixture
def reviewer_user(db) -> User:
    return _user("rita", group=REVIEWERS)


@pytest.fixture
def reviewer(reviewer_user) -> APIClient:
    return _token_client(reviewer_user)


@pytest.fixture
def admin_user(db) -> User:
    return _user("ada", superuser=True)


@pytest.fixture
def admin(admin_user) -> APIClient:
    return _token_client(admin_user)


@pytest.fixture
def member(db) -> APIClient:
    """Signed in, but in no group: reads like the public, writes nothing."""
    return _token_client(_user("mo"))


@pytest.fixture
def seed(db) -> None:
    """The seed article, as `make run` loads it."""
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    # loaddata saves rows raw, past the services that keep the search index.
    call_command("rebuild_search_index", verbosity=0)


class World:
    """A small, fully known set of records, built through the services."""

    def __init__(self) -> None:
        self.minister = services.speaker_create(
            user=None, name="Jane Roe", kind=SpeakerKind.PERSON, aliases=["J. Roe"], country="GB"
        )
        self.ministry = services.speaker_create(
            user=None, name="Ministry of Truth", kind=SpeakerKind.GOVERNMENT, country="GB"
        )
        self.officials = services.speaker_create(
            user=None, name="Officials", kind=SpeakerKind.UNNAMED
        )
        self.article = services.source_create(
            user=None,
            title="Troops leave the border",
            url="https://news.example/troops",
            publisher="Daily Example",
            kind=SourceKind.NEWS_ARTICLE,
            published_at=dt.datetime(2024, 10, 24, 9, 0, tzinfo=dt.UTC),
            body=BODY,
        )
        self.briefing = services.source_create(
            user=None,
            title="Press briefing transcript",
            url="https://gov.example/briefing",
            publisher="Gov Example",
            kind=SourceKind.PRESS_BRIEFING,
            published_at=dt.datetime(2023, 5, 2, tzinfo=dt.UTC),
        )
        self.claim = services.statement_create(
            user=None,
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
        self.denial = services.statement_create(
            user=None,
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
        self.draft = services.statement_create(
            user=None,
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
        self.relation = services.relation_create(
            user=None, from_statement=self.denial, to_statement=self.claim, kind="denies"
        )

    def refresh(self) -> None:
        for name in ("claim", "denial", "draft"):
            getattr(self, name).refresh_from_db()


@pytest.fixture
def world(db) -> World:
    return World()
