"""A bounded HTTP/1.1 load client on asyncio: keep-alive connections, no dependencies.

Each of ``concurrency`` connections sends its next request as soon as the previous answer
is read, until ``requests`` answers are in or ``seconds`` have passed, whichever comes
first. It only ever connects to the loopback address it is given.
"""

import asyncio
import itertools
import statistics
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)  # seconds, successful requests
    errors: dict[int, int] = field(default_factory=dict)  # status (0: connection) -> count
    elapsed: float = 0.0
    bytes: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.requests / self.elapsed if self.elapsed else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        if len(self.latencies) == 1:
            return self.latencies[0]
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(p) - 1]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bytes, bool]:
    """Status, body, and whether the server keeps the connection open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            parts.append(await reader.readexactly(size + 2))
            if size == 0:
                break
        body = b"".join(parts)
    else:
        body = await reader.read()
    return status, body, headers.get("connection", "").lower() != "close"


async def _worker(host, port, paths, headers, deadline, budget, result, stop) -> None:
    extra = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    reader = writer = None
    try:
        while not stop.is_set() and time.perf_counter() < deadline:
            if next(budget) <= 0:
                stop.set()
                break
            request = (
                f"GET {next(paths)} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra}"
                "Accept: application/json\r\nConnection: keep-alive\r\n\r\n"
            )
            # A server that closes after each answer (gunicorn's sync workers) makes the
            # client connect again: that time is part of the latency, as for any client.
            started = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection(host, port)
                writer.write(request.encode())
                status, body, keep_alive = await _read_response(reader)
            except (ConnectionError, asyncio.IncompleteReadError):
                result.errors[0] = result.errors.get(0, 0) + 1
                if writer is not None:
                    writer.close()
                reader = writer = None
                continue
            if status == 200:
                result.latencies.append(time.perf_counter() - started)
                result.bytes += len(body)
            else:
                result.errors[status] = result.errors.get(status, 0) + 1
            if not keep_alive:
                writer.close()
                reader = writer = None
    finally:
        if writer is not None:
            writer.close()


async def _run(host, port, paths, concurrency, requests, seconds, headers) -> Result:
    result = Result()
    cycle = itertools.cycle(paths)
    remaining = itertools.count(requests, -1)  # shared: each request takes one
    stop = asyncio.Event()
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(
        *(
            _worker(host, port, cycle, headers, deadline, remaining, result, stop)
            for _ in range(concurrency)
        )
    )
    result.elapsed = time.perf_counter() - started
    return result


def drive(
    *,
    host: str,
    port: int,
    paths: list[str],
    concurrency: int,
    requests: int,
    seconds: float,
    headers: dict[str, str] | None = None,
) -> Result:
    """Send at most ``requests`` GETs over ``concurrency`` connections for at most
    ``seconds``, cycling through ``paths``; return the latencies of the 200 answers."""
    if not host.startswith("127.") and host not in ("localhost", "::1"):
        raise ValueError("The load client only targets the loopback interface.")
    return asyncio.run(_run(host, port, paths, concurrency, requests, seconds, headers or {}))


def fetch(host: str, port: int, path: str, headers: dict[str, str] | None = None):
    """One GET: (status, body)."""

    async def once():
        reader, writer = await asyncio.open_connection(host, port)
        extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra}"
            "Accept: application/json\r\nConnection: close\r\n\r\n".encode()
        )
        try:
            status, body, _ = await _read_response(reader)
            return status, body
        finally:
            writer.close()

    return asyncio.run(once())
