"""Each benchmark script runs end to end on a small sample, so the harness keeps working.

Figures are not asserted: targets are for `make bench`, not tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"

SCRIPTS = {
    "cwi.py": ["--sample", "20"],
    "cwi_ceiling.py": ["--sample", "20"],
    "readability.py": ["--sample", "40"],
    "passive.py": ["--sample", "40"],
    "lexsimp.py": ["--sample", "30"],
    "sari.py": ["--sample", "30"],
}


@pytest.mark.parametrize("script", sorted(SCRIPTS))
def test_evaluation_script_runs_on_a_sample(script: str) -> None:
    if not DATA.is_dir():
        pytest.skip(f"the evaluation data is not at {DATA} on this machine")
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), str(DATA), *SCRIPTS[script]],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "machine:" in result.stdout


def test_fitting_script_runs_on_a_sample(tmp_path: Path) -> None:
    if not DATA.is_dir():
        pytest.skip(f"the evaluation data is not at {DATA} on this machine")
    out = tmp_path / "hard_words.yml"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fit_hard_words.py"), str(DATA), "--sample", "200", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    from plainspeak.hard_word_model import load_hard_word_model

    assert 0 < load_hard_word_model(out).threshold < 1


@pytest.mark.parametrize("script, args", [("throughput.py", ["--words", "800", "--repeat", "1"]), ("api.py", ["--words", "200", "--requests", "3"])])
def test_speed_scripts_run(script: str, args: list[str]) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args], capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ratio" in result.stdout or "overhead" in result.stdout


def test_whisper_load_script_runs() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "whisper_load.py"), "--events", "2", "--viewers", "2", "--seconds", "2"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "p99" in result.stdout
