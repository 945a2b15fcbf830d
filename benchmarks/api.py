"""What the HTTP server adds to an analysis: POST /v1/analyze versus analyse() in-process.

    python benchmarks/api.py [--words 1000] [--requests 30]

Starts `plainspeak serve` the way `make run` does, on a free port, and in the same run calls
the engine in this process on the same 1,000-word document. Target: the server adds no more
than 30% over the engine (median against median).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, record  # noqa: E402
from benchmarks.throughput import document  # noqa: E402
from plainspeak.pipeline import analyse  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402
from tests.serving import start_server, stop_server  # noqa: E402


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--words", type=int, default=1000)
    args.add_argument("--requests", type=int, default=30)
    options = args.parse_args()
    text = document(options.words)
    words = len(text.split())
    book = get_rulebook()
    process, base = start_server()
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(3):  # warm both sides
                client.post("/v1/analyze", json={"text": text}).raise_for_status()
                analyse(text, book=book)
            server, engine = [], []
            for _ in range(options.requests):
                began = time.perf_counter()
                response = client.post("/v1/analyze", json={"text": text})
                server.append(time.perf_counter() - began)
                response.raise_for_status()
                began = time.perf_counter()
                analyse(text, book=book)
                engine.append(time.perf_counter() - began)
    finally:
        stop_server(process)
    server_ms, engine_ms = statistics.median(server) * 1000, statistics.median(engine) * 1000
    print(f"machine: {machine()}")
    print(f"document: {words} words; {options.requests} requests, alternating with in-process calls")
    print(f"in-process analyse(): median {engine_ms:.1f} ms, p90 {sorted(engine)[int(0.9 * len(engine))] * 1000:.1f} ms")
    print(f"POST /v1/analyze:     median {server_ms:.1f} ms, p90 {sorted(server)[int(0.9 * len(server))] * 1000:.1f} ms")
    print(f"server overhead: {server_ms / engine_ms - 1:+.1%}  (target <= +30%)")
    record(f"POST /v1/analyze, {words} words: server over in-process engine (medians)", f"{server_ms / engine_ms - 1:+.1%} ({server_ms:.0f} ms)", f"in-process {engine_ms:.0f} ms", "<= +30%")


if __name__ == "__main__":
    main()
