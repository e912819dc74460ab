"""Schema conformance fuzzing: Schemathesis against the live server, every operation of the
committed openapi.yaml, anonymously and with an admin's token.

Each response must not be a 5xx, must have a status code, a content type and a body that
the schema documents for the operation, and carry the headers it declares required. The
run is bounded and reproducible: a fixed number of generated examples per operation
(``CONTRACT_FUZZ_EXAMPLES``, default 20) on a derandomized Hypothesis, plus the examples
the schema itself gives. A summary (operations, requests, status codes, failures) is
printed at the end of the session.

Path ids are steered half of the time to objects the seed article holds, so that reads
and writes reach real objects rather than only 404s.
"""

import json
import os
import re
from collections import Counter

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.contract.fuzzing import FUZZ_STATS
from tests.helpers import COMMITTED_SCHEMA, SEED_FIXTURE

pytestmark = pytest.mark.contract

MAX_EXAMPLES = int(os.environ.get("CONTRACT_FUZZ_EXAMPLES", "20"))

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

CONFIG = schemathesis.Config.from_dict(
    {
        # Fixed seed: the same requests on every run, so a failure reproduces.
        "seed": 20241024,
        "generation": {
            "deterministic": True,
            "database": "none",
            # Authentication is each test's choice (anonymous or the admin's token), not
            # random Authorization headers and cookies.
            "with-security-parameters": False,
        },
        # The examples the schema gives and the generated ones. The coverage phase's
        # boundary values are not bounded by the number of examples (about 6,000 requests,
        # several minutes): CONTRACT_FUZZ_COVERAGE=1 adds them for a deeper run.
        "phases": {"coverage": {"enabled": os.environ.get("CONTRACT_FUZZ_COVERAGE") == "1"}},
    }
)
schema = schemathesis.openapi.from_path(COMMITTED_SCHEMA, config=CONFIG)


def _seed_ids() -> dict[str, int]:
    """The highest id of each resource in the seed article, by URL segment."""
    highest: Counter[str] = Counter()
    for record in json.loads(SEED_FIXTURE.read_text()):
        segment = record["model"].removeprefix("statements.") + "s"
        highest[segment] = max(highest[segment], record["pk"])
    return dict(highest)


SEED_IDS = _seed_ids()
RESOURCE = re.compile(r"^/api/v1/(?P<resource>[a-z]+)/")
PATH_PARAMETER_OWNER = {"speaker_pk": "speakers", "source_pk": "sources"}


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    """Keep the generated ids, or swap them for ids of seeded objects (half the time).

    Only well-formed ids are swapped: a malformed one (negative testing) stays as it is.
    """
    if not path_parameters or not all(
        re.fullmatch(r"[0-9]+", str(value)) for value in path_parameters.values()
    ):
        return st.just(path_parameters)
    resource = RESOURCE.match(context.operation.path)["resource"]
    seeded = st.fixed_dictionaries(
        {
            name: st.integers(1, SEED_IDS.get(PATH_PARAMETER_OWNER.get(name, resource), 1))
            for name in path_parameters
        }
    )
    return st.one_of(st.just(path_parameters), seeded)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    # The live server and its data are set up once per operation, not per example: the
    # examples of an operation share them (and see each other's writes), as real clients do.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.parametrize("auth", ["anonymous", "admin"])
def test_every_response_conforms_to_the_schema(case, auth, api_server):
    headers = api_server.auth_header if auth == "admin" else {}
    FUZZ_STATS.operations.add(case.operation.label)
    try:
        # A connection per request: the test server's keep-alive answers add ~40 ms each
        # (delayed ACKs), which would triple the run.
        response = case.call_and_validate(base_url=api_server.url, headers=headers, checks=CHECKS)
    except BaseException:  # Schemathesis reports check failures as a BaseExceptionGroup
        FUZZ_STATS.failures[(case.operation.label, auth)] += 1
        raise
    FUZZ_STATS.requests[auth] += 1
    FUZZ_STATS.statuses[response.status_code] += 1
