"""The Python client that `make sdk` generated into clients/python works against the live
server, and the README's Python example runs and type-checks strictly.

The client is the committed one (`make sdk-check` proves it is what openapi.yaml generates),
run with the test environment's Python, which holds its dependencies (httpx, attrs). A
script uses the generated, typed functions to list and page, search, filter, create a
statement with an attribution, read it back, lose an If-Match race (412) and handle a 400
problem document as a typed error; the README's example does the same with the helpers.
"""

import json
import os
import shutil
import subprocess
import sys
import textwrap
import zipfile

import pytest
from django.db.models import Q

from statements.models import Statement
from tests.contract.sdk_examples import assert_example_ran
from tests.helpers import ROOT

pytestmark = pytest.mark.contract

CLIENT = ROOT / "clients" / "python"
EXAMPLE = CLIENT / "examples" / "use_the_api.py"
README = ROOT / "README.md"


def _run(*args: str, timeout: int = 300, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(CLIENT)}
    result = subprocess.run(  # noqa: S603
        args, capture_output=True, text=True, timeout=timeout, env=env, **kwargs
    )
    if result.returncode != 0:
        pytest.fail(
            f"`{' '.join(args)}` exited with {result.returncode}\n"
            f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
        )
    return result


SCRIPT = textwrap.dedent(
    '''
    """Uses the generated client as an application would."""

    import json
    import sys

    from attributed_api_client import AuthenticatedClient, Client
    from attributed_api_client.api.statements import (
        create_statement,
        get_statement,
        list_statements,
        update_statement,
    )
    from attributed_api_client.models import (
        AttributionFieldsRequest,
        AttributionModeEnum,
        ListStatementsOrderingItem,
        PaginatedStatementList,
        PatchedStatementRequest,
        Problem,
        QuoteRequest,
        SpeechActEnum,
        Statement,
        StatementCreated,
        StatementRequest,
        StatementStatusEnum,
    )

    base_url, token = sys.argv[1], sys.argv[2]
    result = {}


    class ApiError(Exception):
        """A problem document, typed."""

        def __init__(self, status_code, problem):
            super().__init__(f"{status_code}: {problem.detail}")
            self.status_code = status_code
            self.problem = problem


    def parsed(response, expected_type):
        """The parsed body of a successful response, or ApiError carrying the Problem."""
        if isinstance(response.parsed, Problem):
            raise ApiError(response.status_code, response.parsed)
        assert isinstance(response.parsed, expected_type), (response.status_code, response.content)
        return response.parsed


    # The public reads with no credentials; the editor's token as a bearer token.
    public = Client(base_url=base_url, raise_on_unexpected_status=True)
    editor = AuthenticatedClient(base_url=base_url, token=token, raise_on_unexpected_status=True)

    # 1. List and page through every published statement.
    seen, page, pages = [], 1, 0
    while True:
        listing = parsed(
            list_statements.sync_detailed(
            client=public,
            page=page,
            page_size=7,
            ordering=[ListStatementsOrderingItem.STATED_ON_DESC, ListStatementsOrderingItem.ID],
        ),
            PaginatedStatementList,
        )
        pages += 1
        seen.extend(statement.id for statement in listing.results)
        assert all(s.status == StatementStatusEnum.PUBLISHED for s in listing.results)
        if listing.next_ is None:
            break
        page += 1
    assert len(seen) == len(set(seen)) == listing.count, (seen, listing.count)
    result["listed"] = sorted(seen)
    result["pages"] = pages

    # 2. Search: the statements' full-text filter, and the search endpoint.
    found = parsed(
        list_statements.sync_detailed(client=public, q="Kirby Vladivostok"),
        PaginatedStatementList,
    )
    result["q"] = sorted(statement.id for statement in found.results)
    try:  # The search endpoint, where the schema has it (it came on a branch of its own).
        from attributed_api_client.api.search import search_statements
        from attributed_api_client.models import SearchResponse
    except ImportError:
        print("search: the schema has no search_statements operation; searched with ?q= only")
        result["search"] = None
    else:
        searched = parsed(
            search_statements.sync_detailed(client=public, q="Kirby Vladivostok"), SearchResponse
        )
        assert searched.results, searched
        assert all("<mark>" in hit.snippet for hit in searched.results)
        assert [hit.score for hit in searched.results] == sorted(
            (hit.score for hit in searched.results), reverse=True
        )
        result["search"] = {
            "ids": [hit.statement.id for hit in searched.results],
            "speakers": [facet.name for facet in searched.facets.speakers],
        }

    # 3. Filter by speaker (John Kirby is 3 in the seed article).
    by_kirby = parsed(
        list_statements.sync_detailed(client=public, speaker=[3]), PaginatedStatementList
    )
    for statement in by_kirby.results:
        assert any(a.speaker.id == 3 for a in statement.attributions), statement
    result["speaker_3"] = sorted(statement.id for statement in by_kirby.results)
    # Repeatable filters: the client sends speaker=3&speaker=1, either speaker matches.
    either = parsed(
        list_statements.sync_detailed(client=public, speaker=[3, 1], page_size=100),
        PaginatedStatementList,
    )
    for statement in either.results:
        assert any(a.speaker.id in (1, 3) for a in statement.attributions), statement
    assert set(result["speaker_3"]) <= {statement.id for statement in either.results}

    # 4. Create a statement with its attribution, with the token.
    body = StatementRequest(
        text="North Korean soldiers are training at military sites in eastern Russia.",
        topics=["North Korea", "Russia"],
        attributions=[
            AttributionFieldsRequest(
                speaker=3,
                source=1,
                mode=AttributionModeEnum.PARAPHRASE,
                speech_act=SpeechActEnum.ASSERTION,
                verb="stated",
                on_behalf_of=1,
                quote=QuoteRequest(
                    exact="undergoing training in various Russian military sites in the east"
                ),
            )
        ],
    )
    created_response = create_statement.sync_detailed(client=editor, body=body)
    assert created_response.status_code == 201, created_response.content
    created = parsed(created_response, StatementCreated)
    assert created.status == StatementStatusEnum.DRAFT
    assert created.topics == ["north-korea", "russia"]
    quote = created.attributions[0].quote
    assert quote.end - quote.start == len(quote.exact), quote
    result["created"] = created.id

    # 5. Read it back: the same representation, and its ETag.
    read = get_statement.sync_detailed(id=created.id, client=editor)
    # The statement as read, and as created with the statements it may repeat.
    representation = {k: v for k, v in created.to_dict().items() if k != "claim_candidates"}
    assert parsed(read, Statement).to_dict() == representation
    etag = read.headers["ETag"]
    assert etag == created_response.headers["ETag"], (etag, created_response.headers)
    assert get_statement.sync_detailed(
        id=created.id, client=editor, if_none_match=etag
    ).status_code == 304

    # 6. Two editors start from the same ETag: the first write wins, the second gets 412.
    first = update_statement.sync_detailed(
        id=created.id,
        client=editor,
        body=PatchedStatementRequest(text="North Korean soldiers train in eastern Russia."),
        if_match=etag,
    )
    assert parsed(first, Statement).text == "North Korean soldiers train in eastern Russia."
    second = update_statement.sync_detailed(
        id=created.id,
        client=editor,
        body=PatchedStatementRequest(text="A change made from a stale copy."),
        if_match=etag,
    )
    assert second.status_code == 412
    assert isinstance(second.parsed, Problem) and second.parsed.status == 412
    assert second.headers["ETag"] == first.headers["ETag"]
    assert second.headers["Content-Type"].startswith("application/problem+json")
    result["stale_if_match"] = second.status_code

    # 7. A quote the source does not contain: a 400 problem, handled as a typed error.
    wrong = StatementRequest(
        text="North Korea will send 50,000 troops.",
        attributions=[
            AttributionFieldsRequest(
                speaker=3,
                source=1,
                mode=AttributionModeEnum.DIRECT_QUOTE,
                speech_act=SpeechActEnum.PROJECTION,
                quote=QuoteRequest(exact="50,000 troops by Christmas"),
            )
        ],
    )
    try:
        parsed(create_statement.sync_detailed(client=editor, body=wrong), StatementCreated)
    except ApiError as error:
        assert error.status_code == 400
        assert error.problem.type_ == "/problems/invalid-request"
        result["problem_fields"] = [e.field for e in error.problem.errors]
        result["problem_codes"] = [e.code for e in error.problem.errors]
    else:
        raise AssertionError("the bad quote was accepted")

    print("RESULT " + json.dumps(result))
    '''
)


def test_generated_python_client_against_the_live_server(api_server, tmp_path):
    script = tmp_path / "use_client.py"
    script.write_text(SCRIPT)
    run = _run(sys.executable, str(script), api_server.url, api_server.token, timeout=120)
    print(run.stdout)
    result = json.loads(run.stdout.rsplit("RESULT ", 1)[1])

    published = Statement.objects.filter(status="published")
    assert result["listed"] == sorted(published.values_list("pk", flat=True))
    assert result["pages"] == -(-published.count() // 7)
    kirby = published.filter(attributions__speaker_id=3).distinct()
    assert result["speaker_3"] == sorted(kirby.values_list("pk", flat=True))
    vladivostok = published.filter(
        Q(text__icontains="Vladivostok") | Q(attributions__quote_exact__icontains="Vladivostok"),
        attributions__speaker__name__icontains="Kirby",
    ).distinct()
    assert result["q"]
    assert set(vladivostok.values_list("pk", flat=True)) <= set(result["q"])
    if result["search"] is not None:  # "Kirby Vladivostok" finds what Kirby said of it
        assert set(vladivostok.values_list("pk", flat=True)) <= set(result["search"]["ids"])
        assert "John Kirby" in result["search"]["speakers"]

    created = Statement.objects.get(pk=result["created"])
    assert created.text == "North Korean soldiers train in eastern Russia."  # not the stale write
    assert created.attributions.get().speaker_id == 3
    assert result["stale_if_match"] == 412
    assert result["problem_fields"] == ["attributions.0.quote.exact"]
    assert result["problem_codes"] == ["not_found"]


# --- The README's example ---------------------------------------------------------------------


def test_readme_shows_the_example_verbatim():
    assert f"```python\n{EXAMPLE.read_text()}```\n" in README.read_text(), (
        f"README.md must show {EXAMPLE.relative_to(ROOT)} verbatim in a python code block"
    )


def test_the_client_and_the_example_type_check_strictly():
    """The example, the helpers, and the generated package they use."""
    files = (EXAMPLE, CLIENT / "attributed_api_helpers.py", CLIENT / "attributed_api_client")
    _run(sys.executable, "-m", "mypy", "--strict", "--cache-dir", os.devnull, *map(str, files))


def test_example_runs_against_the_live_server(api_server):
    run = _run(sys.executable, str(EXAMPLE), api_server.url, api_server.token, timeout=120)
    assert_example_ran(run.stdout)


def test_the_client_installs_as_a_typed_package(tmp_path):
    """`pip install ./clients/python` builds: the generated package, the helpers, py.typed."""
    source = tmp_path / "source"  # setuptools builds in the source tree: a copy of it
    shutil.copytree(CLIENT, source, ignore=shutil.ignore_patterns("__pycache__", "examples"))
    _run(
        sys.executable, "-m", "pip", "--disable-pip-version-check", "wheel", "--quiet",
        "--no-deps", "--no-build-isolation", "--wheel-dir", str(tmp_path), str(source),
    )  # fmt: skip
    (wheel,) = tmp_path.glob("attributed_api_client-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"attributed_api_helpers.py", "attributed_api_client/py.typed"} <= names
    assert "attributed_api_client/api/statements/list_statements.py" in names
