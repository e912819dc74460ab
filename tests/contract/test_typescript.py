"""TypeScript types generated from the committed schema compile a typed usage file.

openapi-typescript and typescript, pinned to exact versions in typescript/package.json,
are installed from the npm registry into a temporary directory (no lock file is kept: it
would record the registry's address). The types are generated from openapi.yaml and
``tsc --noEmit --strict`` compiles typescript/usage.ts against them; a file that misuses
them must fail, so the types are known to be more than ``any``.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import COMMITTED_SCHEMA

pytestmark = pytest.mark.contract

HERE = Path(__file__).resolve().parent / "typescript"
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
def typescript_project(tmp_path_factory) -> Path:
    """A directory with the pinned tools installed and schema.d.ts generated."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        pytest.skip("Node.js (node and npm) is not installed: the TypeScript check needs it.")
    project = tmp_path_factory.mktemp("typescript")
    shutil.copy(HERE / "package.json", project / "package.json")
    _check(
        _run(
            npm,
            "install",
            "--no-audit",
            "--no-fund",
            "--no-package-lock",
            "--prefix",
            str(project),
            cwd=project,
        )
    )
    _check(
        _run(
            str(project / "node_modules" / ".bin" / "openapi-typescript"),
            str(COMMITTED_SCHEMA),
            "--output",
            str(project / "schema.d.ts"),
            cwd=project,
        )
    )
    return project


def test_usage_compiles_against_the_generated_types(typescript_project):
    shutil.copy(HERE / "usage.ts", typescript_project / "usage.ts")
    tsc = str(typescript_project / "node_modules" / ".bin" / "tsc")
    _check(_run(tsc, *TSC, "usage.ts", cwd=typescript_project))


def test_misuse_does_not_compile(typescript_project):
    (typescript_project / "misuse.ts").write_text(MISUSE)
    tsc = str(typescript_project / "node_modules" / ".bin" / "tsc")
    result = _run(tsc, *TSC, "misuse.ts", cwd=typescript_project)
    assert result.returncode != 0
    # One error per line of misuse: each wrong value is caught by the generated types.
    for line in (6, 7, 8, 9):
        assert f"misuse.ts({line}," in result.stdout, result.stdout
