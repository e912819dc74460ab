"""Use the Attributed API from Python: python use_the_api.py BASE_URL TOKEN"""

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
    QuoteRequest,
    SpeechActEnum,
    Statement,
    StatementCreated,
    StatementRequest,
)
from attributed_api_helpers import ApiError, each_item, expect


def main(base_url: str, token: str) -> None:
    public = Client(base_url=base_url)  # reads need no credentials
    editor = AuthenticatedClient(base_url=base_url, token=token)  # "Authorization: Bearer …"

    # What John Kirby (speaker 3) asserted or worried about, latest first; each_item reads
    # page after page (of 2 here, to show the walk) until the last.
    for statement in each_item(
        lambda page: expect(
            list_statements.sync_detailed(
                client=public,
                speaker=[3],
                speech_act=[SpeechActEnum.ASSERTION, SpeechActEnum.CONCERN],
                ordering=[ListStatementsOrderingItem.STATED_ON_DESC, ListStatementsOrderingItem.ID],
                page=page,
                page_size=2,
            ),
            PaginatedStatementList,
        )
    ):
        print(f"statement {statement.id}: {statement.text}")

    # Create a statement with its attribution: Kirby, quoted from source 1. It is a draft.
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
                quote=QuoteRequest(
                    exact="undergoing training in various Russian military sites in the east"
                ),
            )
        ],
    )
    created = expect(create_statement.sync_detailed(client=editor, body=body), StatementCreated)
    print(f"created {created.id}: {created.status}")
    for candidate in created.claim_candidates:  # statements that may make the same claim
        print(f"may repeat {candidate.statement.id} ({candidate.score:.2f})")

    # Read it back (a draft: editors only) with its ETag, then change it with If-Match.
    read = get_statement.sync_detailed(id=created.id, client=editor)
    etag = read.headers["ETag"]
    change = PatchedStatementRequest(text="North Korean soldiers train in eastern Russia.")
    expect(
        update_statement.sync_detailed(id=created.id, client=editor, body=change, if_match=etag),
        Statement,
    )

    # A second change from the same, now stale, ETag: 412, the problem document says why.
    stale = PatchedStatementRequest(text="A change made from a stale copy.")
    try:
        expect(
            update_statement.sync_detailed(id=created.id, client=editor, body=stale, if_match=etag),
            Statement,
        )
    except ApiError as error:
        print(f"{error.status_code}: {error.problem.title if error.problem else ''}")

    # A quote the source does not contain: 400, with one entry per bad field.
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
        expect(create_statement.sync_detailed(client=editor, body=wrong), StatementCreated)
    except ApiError as error:
        for fault in error.problem.errors if error.problem else []:
            print(f"{error.status_code} {fault.field}: {fault.code}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
