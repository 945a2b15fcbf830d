"""Load on the whispering service: many events, each with a publisher and a crowd of viewers.

    python benchmarks/whisper_load.py [--events 50] [--viewers 20] [--rate 3] [--seconds 60] [--redis]

Starts `plainspeak serve` as `make run` does (with --redis, also a redis-server on a free
port, and the service pointed at it). Each event's publisher sends `rate` final lines a
second, each whispered by the server and fanned out to the event's viewers over WebSockets.
Prints publish-to-viewer latency (p50, p99), lines lost by viewers that were never told they
were skipped, the server's CPU and memory, and, in the same run, the whisper step's p99
against raw spaCy's p99 on the same lines. Targets: p99 publish-to-viewer < 50 ms; whisper
p99 <= 2x raw spaCy p99.

As at a real event, the audience is seated before the talk starts: every viewer connects,
then each publisher sends one welcome line, and the measured lines start once every viewer
has received it. A thousand viewers joining in the same second is a different load (the
first second's lines then wait behind the joins), not the steady state measured here.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, record  # noqa: E402
from plainspeak.nlp import load_nlp  # noqa: E402
from plainspeak.rulebook import get_rulebook  # noqa: E402
from plainspeak.whisper.whisperer import Memory, whisper  # noqa: E402
from tests.serving import free_port, start_server, stop_server  # noqa: E402

GOLDEN = Path(__file__).resolve().parent.parent / "tests" / "golden"


def caption_lines() -> list[str]:
    """Caption-sized lines cut from our own conference-speak golden documents."""
    lines = []
    for name in ("event-programme", "commissioning-strategy", "consultation-notice", "board-paper"):
        words = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8").split()
        lines += [" ".join(words[i : i + 12]) for i in range(0, len(words) - 12, 12)]
    return lines


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _family(pid: int) -> list[int]:
    """The server and its whisper worker processes."""
    found = [pid]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def cpu_seconds(pid: int) -> float:
    total = 0.0
    for member in _family(pid):
        fields = Path(f"/proc/{member}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def rss_mb(pid: int) -> float:
    total = 0.0
    for member in _family(pid):
        for line in Path(f"/proc/{member}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


WELCOME = 0  # the seq of the line sent before the measured ones


async def run_load(
    base: str, events: int, viewers: int, rate: float, seconds: float, lines: list[str], show_timeline: bool = False
) -> dict[str, object]:
    ws_base = base.replace("http://", "ws://")
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        made = [(await client.post("/v1/events", json={"name": f"load {i}"})).json() for i in range(events)]
    sent_at: dict[tuple[str, int], float] = {}
    latencies: list[float] = []
    timeline: list[tuple[float, float]] = []
    received: dict[tuple[str, int], set[int]] = {}
    skipped: set[tuple[str, int]] = set()

    async def viewer(event: dict, index: int, ready: asyncio.Event, seated: asyncio.Event) -> None:  # type: ignore[type-arg]
        key = (event["id"], index)
        received[key] = set()
        async with websockets.connect(f"{ws_base}/v1/events/{event['id']}/stream", max_queue=None) as socket:
            ready.set()
            try:
                async for message in socket:  # cancelled when the run ends
                    received_at = time.perf_counter()
                    item = json.loads(message)
                    if item["type"] == "skipped":
                        skipped.add(key)
                    elif item["type"] == "line" and item["seq"] == WELCOME:
                        seated.set()
                    elif item["type"] == "line":
                        at = sent_at.get((event["id"], item["seq"]))
                        if at is not None:
                            latencies.append(received_at - at)
                            timeline.append((at, received_at - at))
                        received[key].add(item["seq"])
            except asyncio.CancelledError:
                pass

    async def publisher(event: dict, talk_starts: asyncio.Event) -> int:  # type: ignore[type-arg]
        count = 0
        async with websockets.connect(f"{ws_base}/v1/events/{event['id']}/publish?token={event['token']}") as socket:
            await socket.send(json.dumps({"type": "final", "seq": WELCOME, "text": "Welcome, everyone."}))
            await socket.recv()
            await talk_starts.wait()
            await asyncio.sleep(random.random() / rate)  # events do not speak in step
            began = time.perf_counter()
            while time.perf_counter() - began < seconds:
                count += 1
                text = lines[(count * 7 + hash(event["id"])) % len(lines)]
                sent_at[(event["id"], count)] = time.perf_counter()
                await socket.send(json.dumps({"type": "final", "seq": count, "text": text}))
                await socket.recv()
                await asyncio.sleep(max(0.0, began + count / rate - time.perf_counter()))
        return count

    readies, seats, tasks = [], [], []
    for event in made:
        for index in range(viewers):
            ready, seated = asyncio.Event(), asyncio.Event()
            readies.append(ready)
            seats.append(seated)
            tasks.append(asyncio.create_task(viewer(event, index, ready, seated)))
    await asyncio.wait_for(asyncio.gather(*(r.wait() for r in readies)), 120)
    talk_starts = asyncio.Event()
    talks = asyncio.gather(*(publisher(event, talk_starts) for event in made))
    await asyncio.wait_for(asyncio.gather(*(s.wait() for s in seats)), 120)
    talk_starts.set()
    counts = await talks
    await asyncio.sleep(2)  # let the last lines arrive
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    sent = dict(zip((e["id"] for e in made), counts))
    lost = sum(sent[event_id] - len(seqs) for (event_id, index), seqs in received.items() if (event_id, index) not in skipped)
    if show_timeline:
        start = min(t for t, _ in timeline) if timeline else 0
        for second in range(int(seconds) + 1):
            window = [lat for t, lat in timeline if second <= t - start < second + 1]
            if window:
                print(f"  t={second:>3}s n={len(window):>5} p50={statistics.median(window) * 1000:6.1f} p99={percentile(window, 0.99) * 1000:6.1f}")
    return {"sent": sum(counts), "latencies": latencies, "lost": lost, "skipped_viewers": len(skipped), "viewers": len(received)}


def whisper_vs_spacy(lines: list[str]) -> tuple[float, float]:
    """p99 of the whisper step and of raw spaCy on the same lines, in this process."""
    nlp, book = load_nlp(), get_rulebook()
    for line in lines[:20]:
        whisper(line, book, memory=Memory())
    raw, whispered = [], []
    for line in lines * 3:
        began = time.perf_counter()
        nlp(line)
        raw.append(time.perf_counter() - began)
        began = time.perf_counter()
        whisper(line, book, memory=Memory())
        whispered.append(time.perf_counter() - began)
    return percentile(whispered, 0.99) * 1000, percentile(raw, 0.99) * 1000


def start_redis() -> tuple[subprocess.Popen, str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed (make test installs it)")
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--save", "", "--appendonly", "no", "--maxclients", "20000"], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{port}/0"


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--events", type=int, default=50)
    args.add_argument("--viewers", type=int, default=20)
    args.add_argument("--rate", type=float, default=3.0)
    args.add_argument("--seconds", type=float, default=60.0)
    args.add_argument("--redis", action="store_true")
    args.add_argument("--timeline", action="store_true", help="print latency for each second")
    args.add_argument("--server-log", type=Path, default=None, help="write the server's log here")
    options = args.parse_args()
    lines = caption_lines()
    redis_process, env = None, {}
    if options.redis:
        redis_process, url = start_redis()
        env = {"PLAINSPEAK_REDIS_URL": url}
    server, base = start_server(env, log=options.server_log)
    try:
        while not httpx.get(f"{base}/healthz", timeout=10).json()["warm"]:
            time.sleep(1)  # a service is up well before its event starts
        # The load generator's own collector pauses (100-200 ms in a full collection of
        # thousands of received lines) would show up as server latency: keep them out.
        gc.freeze()
        gc.disable()
        cpu_before, own_before, wall_before = cpu_seconds(server.pid), time.process_time(), time.perf_counter()
        result = asyncio.run(run_load(base, options.events, options.viewers, options.rate, options.seconds, lines, options.timeline))
        wall = time.perf_counter() - wall_before
        cpu, own_cpu = (cpu_seconds(server.pid) - cpu_before) / wall, (time.process_time() - own_before) / wall
        memory = rss_mb(server.pid)
    finally:
        stop_server(server)
        if redis_process is not None:
            redis_process.terminate()
    whisper_p99, spacy_p99 = whisper_vs_spacy(lines)
    latencies = result["latencies"]  # type: ignore[assignment]
    print(f"machine: {machine()}; broker: {'redis' if options.redis else 'memory'}")
    print(f"load: {options.events} events x ({options.viewers} viewers + 1 publisher at {options.rate:g} lines/s) for {options.seconds:g} s")
    print(f"lines published: {result['sent']}; deliveries measured: {len(latencies)}")  # type: ignore[arg-type]
    print(f"publish-to-viewer latency: p50 {statistics.median(latencies) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms (target p99 < 50 ms)")  # type: ignore[arg-type]
    print(f"lines lost by viewers that kept up: {result['lost']}; viewers told they were skipped: {result['skipped_viewers']} of {result['viewers']}")
    print(f"server (web process and whisper workers): {cpu:.0%} of one core on average, {memory:.0f} MB resident at the end")
    print(f"load generator (this process, on the same machine): {own_cpu:.0%} of one core on average; {os.cpu_count()} cores in all")
    print(f"whisper step p99 {whisper_p99:.1f} ms vs raw spaCy p99 {spacy_p99:.1f} ms: ratio {whisper_p99 / spacy_p99:.2f} (target <= 2.0)")
    setup = f"{options.events} events x {options.viewers} viewers, {options.rate:g} lines/s, {options.seconds:g} s, {'redis' if options.redis else 'memory'}"
    record(f"Whisper load ({setup}): publish-to-viewer p50 / p99", f"{statistics.median(latencies) * 1000:.1f} / {percentile(latencies, 0.99) * 1000:.1f} ms", "", "p99 < 50 ms")  # type: ignore[arg-type]
    record(f"Whisper load ({setup}): lines lost, server CPU, memory", f"{result['lost']} lost; {cpu:.0%} of a core; {memory:.0f} MB")
    record(f"Whisper step p99 over raw spaCy p99 ({setup})", f"{whisper_p99 / spacy_p99:.2f} ({whisper_p99:.1f} ms)", f"raw spaCy {spacy_p99:.1f} ms", "<= 2.0")


if __name__ == "__main__":
    main()
