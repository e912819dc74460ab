"""The reading view of a source in the admin: its text with every quote highlighted in place,
and selecting a passage to attribute it (statements/admin/reading.py)."""

from collections import defaultdict
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from statements import services
from statements.admin.reading import Quote, place_quotes, segments
from statements.choices import AttributionMode, SpeechAct, StatementStatus
from statements.models import Attribution, Source, Speaker, Statement
from tests.factories import BODY, AttributionFactory, SourceFactory, UserFactory
from tests.helpers import form_data, login, queries_for, url

SEED_SOURCE_PK = 1


def reading(source) -> str:
    return reverse("admin:statements_source_reading", args=[source.pk])


class _Highlights(HTMLParser):
    """What the reading view shows: each attribution's highlighted text (its segments
    joined), the text of the whole body as rendered, and the marks' attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.quoted: dict[int, str] = defaultdict(str)
        self.marks: dict[int, dict[str, str]] = {}
        self.text = ""
        self._open: list[int | None] = []  # the marks (and other tags) open in the text
        self._in_text = 0  # depth inside the article

    def handle_starttag(self, tag, attrs):
        attributes = {key: value or "" for key, value in attrs}
        if tag == "article" and attributes.get("id") == "reading-text":
            self._in_text = 1
            return
        if not self._in_text:
            return
        self._in_text += 1
        pk = int(attributes["data-attribution"]) if tag == "mark" else None
        if pk is not None and "quote-start" in attributes.get("class", ""):
            self.marks[pk] = attributes
        self._open.append(pk)

    def handle_endtag(self, tag):
        if not self._in_text:
            return
        self._in_text -= 1
        if not self._in_text:
            return  # the article's end
        self._open.pop()
        if tag == "p":
            self.text += "\n"

    def handle_data(self, data):
        if not self._in_text or not self._open:
            return
        self.text += data
        for pk in self._open:
            if pk is not None:
                self.quoted[pk] += data


def highlights(response) -> _Highlights:
    assert response.status_code == 200, response.content
    parser = _Highlights()
    parser.feed(response.content.decode())
    return parser


# --- The text and its quotes --------------------------------------------------------------------


def test_every_quote_of_the_seed_is_highlighted_in_place(seed, superuser):
    shown = highlights(superuser.get(reverse("admin:statements_source_reading", args=[1])))
    attributions = Attribution.objects.filter(source_id=SEED_SOURCE_PK)
    assert attributions.count() == 26
    # Each quote, overlapping ones included, is highlighted over exactly its own words.
    assert dict(shown.quoted) == {a.pk: a.quote_exact for a in attributions}
    body = Source.objects.get(pk=SEED_SOURCE_PK).body
    assert shown.text.split("\n")[:-1] == [line for line in body.split("\n") if line]
    for attribution in attributions:
        mark = shown.marks[attribution.pk]
        assert mark["data-href"] == url("attribution", "change", attribution.pk)
        assert f"act-{attribution.speech_act}" in mark["class"]
        assert attribution.speaker.name in mark["title"]
        assert attribution.statement.text in mark["title"]
        assert attribution.get_mode_display() in mark["title"]


def test_the_legend_gives_each_speaker_a_colour(seed, superuser):
    response = superuser.get(reading(Source.objects.get(pk=SEED_SOURCE_PK)))
    speakers = response.context["reading"].speakers
    quoted = Speaker.objects.filter(attributions__source=SEED_SOURCE_PK).distinct()
    assert {speaker.name for speaker in speakers} == {speaker.name for speaker in quoted}
    assert len({speaker.colour for speaker in speakers}) == len(speakers)
    assert sum(speaker.count for speaker in speakers) == 26
    page = response.content.decode()
    for speaker in speakers:
        assert f'<span class="swatch speaker-{speaker.colour}" aria-hidden="true"></span>' in page
    assert "Speech acts" in page
    assert '<span class="act-badge act-denial">denial</span>' in page


def test_overlapping_and_nested_quotes_are_cut_into_segments(world):
    body = "Alpha beta gamma.\nDelta epsilon."
    a, b, c = (Attribution(pk=pk) for pk in (1, 2, 3))
    quotes = [Quote(a, 0, 16), Quote(b, 6, 10), Quote(c, 11, 24)]  # c crosses the line break
    lines = segments(body, quotes)
    shown = [
        [(body[s.start : s.end], [q.attribution.pk for q in s.quotes]) for s in line]
        for line in lines
    ]
    assert shown == [
        [("Alpha ", [1]), ("beta", [1, 2]), (" ", [1]), ("gamma", [1, 3]), (".", [3])],
        [("Delta ", [3]), ("epsilon.", [])],
    ]


def test_quotes_without_a_place_in_the_text_are_listed_apart(world, superuser):
    # The briefing has no text; the claim's quote in it cannot be placed.
    page = superuser.get(reading(world.briefing)).content.decode()
    attribution = world.claim.attributions.get(source=world.briefing)
    assert 'id="unanchored"' in page
    assert "The source has no text to find it in." in page
    assert f'href="{url("attribution", "change", attribution.pk)}"' in page
    assert "This source has no text yet" in page
    # A quote whose offsets were lost (an import, a raw write) is flagged, not guessed.
    denial = world.denial.attributions.get()
    Attribution.objects.filter(pk=denial.pk).update(quote_start=None, quote_end=None)
    response = superuser.get(reading(world.article))
    assert [item.attribution.pk for item in response.context["reading"].unanchored] == [denial.pk]
    assert "Not found in the source&#x27;s text." in response.content.decode()
    assert denial.pk not in highlights(response).quoted


def test_a_quote_orphaned_by_a_correction_is_listed_apart(world, superuser, admin_user):
    # The correction drops the officials' words; the quote keeps its old offsets, which
    # now fall on other words, and must not be highlighted there.
    corrected = BODY.replace("Officials denied it. ", "Nobody commented. ")
    check = services.source_update(source=world.article, user=admin_user, body=corrected)
    assert check.quote_check.orphaned == 1
    denial = world.denial.attributions.get()
    response = superuser.get(reading(world.article))
    (orphan,) = response.context["reading"].unanchored
    assert orphan.attribution.pk == denial.pk
    assert orphan.reason == "Lost when the source's text changed: not found again."
    assert denial.pk not in highlights(response).quoted


def test_stale_offsets_are_not_highlighted(world):
    attribution = world.denial.attributions.get()
    attribution.quote_start, attribution.quote_end = 0, 5
    placed, unanchored = place_quotes(BODY, [attribution])
    assert placed == []
    assert unanchored[0].reason == "Its position no longer matches the source's text."


def test_the_text_is_shown_as_text_not_markup(world, superuser):
    source = SourceFactory(
        title="Markup",
        url="https://news.example/markup",
        body='Before <script>alert("x")</script> the <b>quoted</b> words & after.\nNext line.',
    )
    AttributionFactory(
        statement=world.draft,
        speaker=world.officials,
        source=source,
        mode=AttributionMode.DIRECT_QUOTE,
        quote_exact="the <b>quoted</b> words",
    )
    response = superuser.get(reading(source))
    page = response.content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert highlights(response).text == source.body + "\n"
    # The body for the page's script is JSON that cannot close its script element.
    assert '<script id="reading-body" type="application/json">' in page
    assert "\\u003Cscript\\u003E" in page


# --- Links to it --------------------------------------------------------------------------------


def test_the_reading_view_is_linked_from_sources_and_attributions(world, superuser):
    view = reading(world.article)
    attribution = world.claim.attributions.get(source=world.article)
    assert f"href='{view}'" in superuser.get(url("source", "changelist")).content.decode()
    assert (
        f'href="{view}"'
        in superuser.get(url("source", "change", world.article.pk)).content.decode()
    )
    at_quote = f"href='{view}#attribution-{attribution.pk}'"
    for page_url in (
        url("attribution", "change", attribution.pk),
        url("attribution", "changelist"),
        url("statement", "change", world.claim.pk),  # the inline
    ):
        assert at_quote in superuser.get(page_url).content.decode(), page_url


# --- Permissions and cost -----------------------------------------------------------------------


def test_anonymous_users_are_sent_to_sign_in(world, client):
    response = client.get(reading(world.article))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_the_view_permission_is_refused(world):
    staff = UserFactory(username="stan")
    staff.is_staff = True
    staff.save()
    assert login(staff).get(reading(world.article)).status_code == 403


def test_viewing_sources_is_enough_to_read_but_not_to_quote(world):
    reader = UserFactory(username="reader")
    reader.is_staff = True
    reader.save()
    reader.user_permissions.add(Permission.objects.get(codename="view_source"))
    client = login(reader)
    response = client.get(reading(world.article))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert 'id="quote_form"' not in response.content.decode()
    before = Attribution.objects.count()
    data = {"quote_exact": "Officials denied it.", "speaker": world.minister.pk}
    assert client.post(reading(world.article), data).status_code == 403
    assert Attribution.objects.count() == before


def test_editors_read_and_quote(world, editor_site):
    response = editor_site.get(reading(world.article))
    assert response.status_code == 200
    assert 'id="quote_form"' in response.content.decode()


def test_only_reading_and_quoting_are_allowed(world, superuser):
    assert superuser.put(reading(world.article)).status_code == 405
    assert superuser.delete(reading(world.article)).status_code == 405


@pytest.mark.parametrize("object_id", ["999999", "abc", str(2**70)])
def test_an_unknown_source_is_not_found(db, superuser, object_id):
    page_url = reverse("admin:statements_source_reading", args=[object_id])
    assert superuser.get(page_url).status_code == 404


def hundreds_of_quotes(count: int) -> Source:
    """A source quoted ``count`` times, overlapping, written in bulk: past the services,
    which would take minutes to make this many (the offsets are right by construction).
    Its sentences report nobody, so that the suggestions' rules find little to add."""
    sentence = "Number {n} went up by {n} points on the day. "
    body = "".join(sentence.format(n=n) + ("\n" if n % 5 == 4 else "") for n in range(count))
    source = SourceFactory(title="Long", url="https://news.example/long", body=body)
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Speaker {n}", kind="person") for n in range(count // 10)
    )
    statements = Statement.objects.bulk_create(
        Statement(text=f"Number {n} is up.") for n in range(count)
    )
    rows = []
    for n, statement in enumerate(statements):
        start = body.index(sentence.format(n=n))
        quote_end = start + len(sentence.format(n=n)) - 2
        for begin in (start, start + 8):  # each sentence, and a quote nested in it
            rows.append(
                Attribution(
                    statement=statement,
                    speaker=speakers[(n + begin - start) % len(speakers)],
                    source=source,
                    mode=AttributionMode.PARAPHRASE,
                    speech_act=SpeechAct.ASSERTION,
                    quote_exact=body[begin:quote_end],
                    quote_start=begin,
                    quote_end=quote_end,
                )
            )
    Attribution.objects.bulk_create(rows)
    return source


READING_QUERIES = 4  # a superuser's
# The suggestions panel's own: the decisions, the quotes already attributed, the speakers.
PANEL_QUERIES = 3


def test_the_query_count_does_not_grow_with_the_quotes(
    world, superuser, editor_site, django_assert_max_num_queries
):
    few = queries_for(superuser, reading(world.article))
    source = hundreds_of_quotes(150)
    assert queries_for(superuser, reading(source)) == few
    # The session and its user, the source, its attributions with their speakers and
    # statements; an editor's permissions besides.
    with django_assert_max_num_queries(READING_QUERIES + PANEL_QUERIES):
        superuser.get(reading(source))
    with django_assert_max_num_queries(READING_QUERIES + PANEL_QUERIES + 2):
        editor_site.get(reading(source))


def test_hundreds_of_nested_quotes_are_all_highlighted(db, superuser):
    source = hundreds_of_quotes(300)
    response = superuser.get(reading(source))
    assert len(highlights(response).quoted) == 600


# --- Select to quote ----------------------------------------------------------------------------


def quote_data(response, **fields) -> dict:
    """The select-to-quote form as the page renders it, with ``fields`` filled in."""
    data = form_data(response)
    data.update({key: "" if value is None else value for key, value in fields.items()})
    return data


def passage(body: str, exact: str, *, occurrence: int = 0) -> dict:
    """The selectors the page's script sends for a passage: the words, 32 characters either
    side, and their offsets."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(exact, start + 1)
    end = start + len(exact)
    return {
        "quote_exact": exact,
        "quote_prefix": body[max(0, start - 32) : start],
        "quote_suffix": body[end : end + 32],
        "quote_start": start,
        "quote_end": end,
    }


def test_a_passage_becomes_a_new_draft_statement(world, superuser, admin_user):
    page = superuser.get(reading(world.article))
    selected = passage(BODY, "The minister said the troops had left", occurrence=1)
    data = quote_data(
        page,
        **selected,
        speaker=world.officials.pk,
        mode=AttributionMode.PARAPHRASE,
        speech_act=SpeechAct.ASSERTION,
        verb="said",
        statement_choice="new",
        statement_text="The minister said again that the troops had left.",
    )
    response = superuser.post(reading(world.article), data)
    statement = Statement.objects.get(text="The minister said again that the troops had left.")
    attribution = statement.attributions.get()
    assert response.status_code == 302
    assert response["Location"] == f"{reading(world.article)}#attribution-{attribution.pk}"
    assert statement.status == StatementStatus.DRAFT
    assert statement.language == world.article.language
    # Anchored at the second occurrence, the one selected.
    assert (attribution.quote_start, attribution.quote_end) == (
        selected["quote_start"],
        selected["quote_end"],
    )
    assert (attribution.speaker, attribution.source, attribution.verb) == (
        world.officials,
        world.article,
        "said",
    )
    assert attribution.history.get().history_user == admin_user
    # Back on the reading view, the new quote is highlighted.
    shown = highlights(superuser.get(response["Location"]))
    assert shown.quoted[attribution.pk] == "The minister said the troops had left"


def test_a_passage_is_attributed_to_an_existing_statement(world, superuser):
    page = superuser.get(reading(world.article))
    selected = passage(BODY, "Officials denied it.")
    data = quote_data(
        page,
        **selected,
        speaker=world.ministry.pk,
        mode=AttributionMode.SUMMARY,
        speech_act=SpeechAct.DENIAL,
        verb="denied",
        statement_choice="existing",
        statement=world.denial.pk,
        correction_note="Added the ministry's denial.",  # the denial is published
    )
    before = Statement.objects.count()
    response = superuser.post(reading(world.article), data)
    assert response.status_code == 302, response.context["form"].errors
    attribution = world.denial.attributions.get(speaker=world.ministry)
    assert (attribution.quote_start, attribution.quote_end) == (
        selected["quote_start"],
        selected["quote_end"],
    )
    assert Statement.objects.count() == before
    assert "added" in " ".join(str(m) for m in response.wsgi_request._messages)


def test_a_quote_typed_with_straight_quotes_is_stored_with_the_bodys(seed, superuser):
    source = Source.objects.get(pk=SEED_SOURCE_PK)
    typed = "North Korea's previous arms support"
    assert typed not in source.body
    page = superuser.get(reading(source))
    data = quote_data(
        page,
        quote_exact=typed,
        speaker=Speaker.objects.get(name="John Kirby").pk,
        mode=AttributionMode.PARAPHRASE,
        speech_act=SpeechAct.ASSERTION,
        statement_choice="new",
        statement_text="North Korea has supported Russia with arms.",
    )
    response = superuser.post(reading(source), data)
    assert response.status_code == 302, response.context["form"].errors
    attribution = Attribution.objects.get(statement__text__startswith="North Korea has supported")
    curly = "North Korea’s previous arms support"  # noqa: RUF001 (the body's own apostrophe)
    assert attribution.quote_exact == curly
    assert source.body[attribution.quote_start : attribution.quote_end] == curly


NO_CONTEXT = {"quote_prefix": "", "quote_suffix": ""}


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"quote_exact": "words nobody wrote", **NO_CONTEXT}, "quote_exact", "not found"),
        (
            {"quote_exact": "The minister said the troops had left", **NO_CONTEXT},
            "quote_exact",
            "ambiguous",
        ),
        # The words stand elsewhere than the offsets the page sent.
        (
            {"quote_exact": "Officials denied it.", "quote_start": 0, "quote_end": 20},
            "quote_exact",
            "elsewhere",
        ),
        ({"statement_choice": "existing"}, "statement", "Choose the statement"),
        ({"statement_text": ""}, "statement_text", "Give the new statement"),
        ({"speaker": ""}, "speaker", "required"),
        # A rule only the services check comes back on the form too.
        ({"statement_choice": "existing", "statement": "claim"}, "speaker", "already"),
    ],
)
def test_a_refused_passage_shows_why_and_saves_nothing(world, superuser, fields, field, message):
    page = superuser.get(reading(world.article))
    if fields.get("statement") == "claim":
        fields = {**fields, "statement": world.claim.pk, "speaker": world.minister.pk}
    data = quote_data(
        page,
        **{
            **passage(BODY, "Officials denied it."),
            "quote_start": "",
            "quote_end": "",
            "speaker": world.officials.pk,
            "mode": AttributionMode.SUMMARY,
            "speech_act": SpeechAct.DENIAL,
            "statement_choice": "new",
            "statement_text": "Officials denied it.",
            **fields,
        },
    )
    counts = Statement.objects.count(), Attribution.objects.count()
    response = superuser.post(reading(world.article), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field]), errors
    assert (Statement.objects.count(), Attribution.objects.count()) == counts
    page = response.content.decode()
    assert '<p class="errornote">' in page
    assert 'id="quote-panel" aria-labelledby="quote-panel-title">' in page  # open, not hidden


def test_a_retracted_statement_takes_no_new_attribution(world, superuser):
    services.statement_retract(statement=world.denial, user=None, reason="Misreported.")
    page = superuser.get(reading(world.article))
    data = quote_data(
        page,
        **passage(BODY, "Officials denied it."),
        speaker=world.ministry.pk,
        mode=AttributionMode.SUMMARY,
        speech_act=SpeechAct.DENIAL,
        statement_choice="existing",
        statement=world.denial.pk,
    )
    response = superuser.post(reading(world.article), data)
    assert response.status_code == 200
    assert "frozen" in " ".join(response.context["form"].non_field_errors())
    assert not world.denial.attributions.filter(speaker=world.ministry).exists()


def test_the_form_offers_autocompletes_served_locally(world, superuser):
    response = superuser.get(reading(world.article))
    page = response.content.decode()
    for name in ("speaker", "statement"):
        assert f'data-field-name="{name}"' in page
        assert 'data-model-name="attribution"' in page
    assert "/static/admin/js/vendor/select2/select2.full" in page
    assert "/static/statements/reading.js" in page
    assert "/static/statements/reading.css" in page
    assert "//cdn" not in page
