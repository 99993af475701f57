"""Measure 2: page latency under 10 and 50 concurrent clients, on gunicorn as in production
(leaver/gunicorn_config.py, DEBUG off), against a bare view on the same server (bench.bare).

The client is the standard library's http.client, one thread per concurrent client, each
sending its session cookie (bench.sessions). Each (page, clients) run sends at most `requests`
requests, and stops starting new ones after `budget` seconds, so one page that grows with the
data cannot hold the whole run: its figure is then over the requests that finished."""

from __future__ import annotations

import http.client
import itertools
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

BENCH = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Page:
    name: str
    paths: tuple[str, ...]  # taken in turn (e.g. several cases)
    cookie: str  # "sessionid=…"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """gunicorn with Leaver's configuration and the bench's settings, in the background."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.log_path = BENCH / "gunicorn.log"
        self.env = {**env, "BIND": f"127.0.0.1:{self.port}",
                    "DJANGO_SETTINGS_MODULE": "bench.settings", "LOG_LEVEL": "WARNING"}
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None

    def __enter__(self) -> Server:
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:leaver.gunicorn_config"],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT, cwd=BENCH.parent)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {self.log_path}")
            try:
                if get(self.port, "/healthz", "")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer /healthz; see {self.log_path}")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        if self.log is not None:
            self.log.close()

    @property
    def workers(self) -> int:
        return int(self.env.get("WEB_CONCURRENCY", min(2 * (os.cpu_count() or 1) + 1, 9)))


def get(port: int, path: str, cookie: str, timeout: float = 120) -> tuple[int, int]:
    """(status, bytes) of one GET."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        return response.status, len(response.read())
    finally:
        connection.close()


def _percentile(values: list[float], share: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


def load(port: int, page: Page, clients: int, requests: int, budget: float) -> dict[str, Any]:
    """`clients` threads share `requests` GETs of the page; latencies in milliseconds."""
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    sizes: list[int] = []
    lock = threading.Lock()
    turns = itertools.count()
    stop_at = time.monotonic() + budget

    def client() -> None:
        while (turn := next(turns)) < requests and time.monotonic() < stop_at:
            path = page.paths[turn % len(page.paths)]
            start = time.perf_counter()
            try:
                status, size = get(port, path, page.cookie)
            except (OSError, http.client.HTTPException) as error:
                status, size = 0, 0
                key = type(error).__name__
            else:
                key = str(status)
            elapsed = (time.perf_counter() - start) * 1000
            with lock:  # a failed request's time counts too: a timeout is slow
                statuses[key] = statuses.get(key, 0) + 1
                latencies.append(elapsed)
                if status == 200:
                    sizes.append(size)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    done = sum(statuses.values())
    return {
        "clients": clients, "requests": done, "ok": statuses.get("200", 0),
        "errors": done - statuses.get("200", 0), "statuses": statuses,
        "p50_ms": _percentile(latencies, 0.5) if latencies else None,
        "p95_ms": _percentile(latencies, 0.95) if latencies else None,
        "per_second": done / seconds if seconds else None,
        "bytes": round(statistics.mean(sizes)) if sizes else None,
    }


def drain(port: int, limit: float = 900) -> float:
    """Wait until the server is idle: requests whose client gave up (timed out) are still
    queued or running, and would slow the next page's run. A health check queues behind them;
    once one answers quickly, they are done. Returns the seconds waited."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        began = time.monotonic()
        try:
            get(port, "/healthz", "", timeout=limit)
        except (OSError, http.client.HTTPException):
            time.sleep(1)
            continue
        if time.monotonic() - began < 0.5:
            break
    return time.monotonic() - start


def measure(port: int, pages: list[Page], bare: Page, levels: tuple[int, ...],
            requests: int, budget: float) -> dict[str, Any]:
    """Every page at every level, the bare view measured just before each level's pages; the
    ratio of each page's p95 to the bare view's at the same level."""
    found: dict[str, Any] = {"levels": {}}
    for page in [bare, *pages]:  # one request each first: connections, caches, imports
        get(port, page.paths[0], page.cookie)
    for clients in levels:
        count = max(requests, 2 * clients)
        drain(port)
        # Every worker warmed at this concurrency first (a cold worker's first requests
        # import and connect: seconds that would flatter every page's ratio), then measured.
        load(port, bare, clients, count, budget)
        level: dict[str, Any] = {"bare": load(port, bare, clients, count, budget)}
        for page in pages:
            drain(port)
            level[page.name] = load(port, page, clients, count, budget)
            print(f"  {clients:>3} clients  {page.name:<18} p50 "
                  f"{level[page.name]['p50_ms'] or 0:8.0f} ms  p95 "
                  f"{level[page.name]['p95_ms'] or 0:8.0f} ms  errors "
                  f"{level[page.name]['errors']}", flush=True)
        base = level["bare"]["p95_ms"]
        for page in pages:
            p95 = level[page.name]["p95_ms"]
            level[page.name]["p95_vs_bare"] = p95 / base if p95 and base else None
        found["levels"][str(clients)] = level
    top = str(max(levels))
    ratios = [found["levels"][top][p.name]["p95_vs_bare"] for p in pages]
    found["page_p95_vs_bare"] = max((r for r in ratios if r is not None), default=None)
    found["page_errors"] = sum(found["levels"][str(c)][name]["errors"] for c in levels
                               for name in found["levels"][str(c)])
    return found
