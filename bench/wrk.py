"""wrk (``apt-get install wrk`` on Debian and Ubuntu), when installed: a C load generator
that saturates the servers at 32 connections where the bench's own asyncio client, one
Python process on the same cores, would measure itself. Paths cycle as the own client
cycles them (a Lua script)."""

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

INSTALL = "install wrk: `apt-get install wrk` on Debian and Ubuntu, `brew install wrk` on macOS"
MISSING = (
    "wrk is not installed: the bench's own client drives 32 connections instead, which on a "
    f"small machine competes with the servers for the cores ({INSTALL})"
)

_UNITS = {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    p50: float  # seconds
    p99: float
    bytes: int

    @property
    def rate(self) -> float:
        return (self.requests - self.errors) / self.seconds if self.seconds else 0.0


def available() -> bool:
    return shutil.which("wrk") is not None


def script(paths: list[str], headers: dict[str, str]) -> str:
    """The Lua script that sends ``paths`` in turn with ``headers``."""

    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [f"wrk.headers[{quoted(k)}] = {quoted(v)}" for k, v in headers.items()]
    lines.append(f"local paths = {{{', '.join(quoted(p) for p in paths)}}}")
    lines.append("local i = 0")
    lines.append("request = function()")
    lines.append("  i = i % #paths + 1")
    lines.append('  return wrk.format("GET", paths[i])')
    lines.append("end")
    return "\n".join(lines) + "\n"


def _duration(text: str) -> float:
    number, unit = re.fullmatch(r"([0-9.]+)([a-z]+)", text).groups()
    return float(number) * _UNITS[unit]


def _size(text: str) -> int:
    number, unit = re.fullmatch(r"([0-9.]+)([KMGT]?B)", text).groups()
    return round(float(number) * 1024 ** "BKMGT".index(unit[0]))


def parse(output: str) -> Result:
    """wrk's report (with --latency)."""
    done = re.search(r"(\d+) requests in ([0-9.]+[a-z]+), ([0-9.]+[KMGT]?B) read", output)
    if not done:
        raise RuntimeError(f"wrk's output not understood:\n{output}")
    percentiles = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+([0-9.]+[a-z]+)\s*$", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = int(errors.group(1)) if errors else 0
    failed += sum(int(n) for n in sockets.groups()[::3]) if sockets else 0  # connect, timeout
    return Result(
        requests=int(done.group(1)),
        errors=failed,
        seconds=_duration(done.group(2)),
        p50=_duration(percentiles["50"]) if "50" in percentiles else float("nan"),
        p99=_duration(percentiles["99"]) if "99" in percentiles else float("nan"),
        bytes=_size(done.group(3)),
    )


def drive(
    *, host: str, port: int, paths: list[str], connections: int, seconds: float,
    headers: dict[str, str] | None = None, threads: int = 2,
) -> Result:  # fmt: skip
    if not host.startswith("127."):
        raise ValueError("wrk only targets the loopback interface here.")
    headers = {"Accept": "application/json", **(headers or {})}
    with tempfile.TemporaryDirectory(prefix="attributed-bench-wrk-") as directory:
        lua = Path(directory) / "paths.lua"
        lua.write_text(script(paths, headers))
        process = subprocess.run(
            [
                shutil.which("wrk") or "wrk", f"--threads={min(threads, connections)}",
                f"--connections={connections}", f"--duration={max(1, round(seconds))}s",
                "--timeout=30s", "--latency", f"--script={lua}", f"http://{host}:{port}",
            ],
            check=True, text=True, capture_output=True,
        )  # fmt: skip
    return parse(process.stdout)
