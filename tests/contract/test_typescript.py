"""The TypeScript types that `make sdk` generated into clients/typescript are more than
``any``, and the README's TypeScript example type-checks strictly and runs.

openapi-typescript and TypeScript are pinned in clients/typescript/package-lock.json and
installed with ``npm ci`` (as ``make sdk`` does) when they are not there yet. ``tsc --strict``
checks the helpers and the example (clients/typescript/tsconfig.json), and typescript/usage.ts
against the committed types; a file that misuses them must fail. The example is then
compiled to JavaScript and run with Node against the live server.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.contract.sdk_examples import assert_example_ran
from tests.helpers import ROOT

# One process installs the client's packages and runs its checks: they share node_modules.
pytestmark = [pytest.mark.contract, pytest.mark.xdist_group("typescript-client")]

HERE = Path(__file__).resolve().parent / "typescript"
CLIENT = ROOT / "clients" / "typescript"
EXAMPLE = CLIENT / "examples" / "use-the-api.ts"
README = ROOT / "README.md"
TSC = ("--noEmit", "--strict", "--target", "es2022", "--module", "es2022")
TSC += ("--moduleResolution", "bundler", "--noUnusedLocals", "--pretty", "false")

MISUSE = """\
import type { components, paths } from "./schema";

type Statement = components["schemas"]["Statement"];
type Query = NonNullable<paths["/api/v1/statements/"]["get"]["parameters"]["query"]>;

export const wrongType: Statement["text"] = 42;
export const wrongEnum: Statement["status"] = "deleted";
export const wrongQuery: Query = { speaker: "three" };
export const missing: Statement = { id: 1, text: "No other field." };
export const wrongOrdering: Query = { ordering: ["stated_on_desc"] };
"""

RUN_EXAMPLE = """\
import { main } from "./examples/use-the-api.js";

await main(process.argv[2], process.argv[3]);
"""


def _run(*args: str, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        args, cwd=cwd, capture_output=True, text=True, timeout=timeout
    )


def _check(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, (
        f"`{' '.join(result.args)}` exited with {result.returncode}\n"
        f"--- stdout\n{result.stdout[-4000:]}\n--- stderr\n{result.stderr[-4000:]}"
    )
    return result


@pytest.fixture(scope="session")
def tsc() -> str:
    """The pinned TypeScript compiler of clients/typescript, installed if need be."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("Node.js (node and npm) is not installed: the TypeScript check needs it.")
    compiler = CLIENT / "node_modules" / ".bin" / "tsc"
    if not compiler.exists():
        _check(_run(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=CLIENT))
    return str(compiler)


@pytest.fixture
def project(tmp_path) -> Path:
    """A directory holding the committed types, for the files compiled against them."""
    shutil.copy(CLIENT / "schema.d.ts", tmp_path / "schema.d.ts")
    return tmp_path


def test_readme_shows_the_example_verbatim():
    assert f"```typescript\n{EXAMPLE.read_text()}```\n" in README.read_text(), (
        f"README.md must show {EXAMPLE.relative_to(ROOT)} verbatim in a typescript code block"
    )


def test_helpers_and_example_type_check_strictly(tsc):
    _check(_run(tsc, "--project", str(CLIENT), "--pretty", "false", cwd=CLIENT))


def test_usage_compiles_against_the_generated_types(tsc, project):
    shutil.copy(HERE / "usage.ts", project / "usage.ts")
    _check(_run(tsc, *TSC, "usage.ts", cwd=project))


def test_misuse_does_not_compile(tsc, project):
    (project / "misuse.ts").write_text(MISUSE)
    result = _run(tsc, *TSC, "misuse.ts", cwd=project)
    assert result.returncode != 0
    # One error per line of misuse: each wrong value is caught by the generated types.
    for line in (6, 7, 8, 9, 10):
        assert f"misuse.ts({line}," in result.stdout, result.stdout


def test_example_runs_against_the_live_server(tsc, api_server, tmp_path):
    out = tmp_path / "out"
    _check(
        _run(tsc, "--project", str(CLIENT), "--noEmit", "false", "--outDir", str(out), cwd=CLIENT)
    )
    (out / "package.json").write_text(json.dumps({"type": "module"}))
    (out / "run.mjs").write_text(RUN_EXAMPLE)
    run = _check(_run("node", "run.mjs", api_server.url, api_server.token, cwd=out, timeout=120))
    assert_example_ran(run.stdout)
