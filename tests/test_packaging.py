"""The installed package finds its data, and `plainspeak serve` answers on a real port."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def test_a_built_wheel_carries_rules_and_web_and_finds_them(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("plainspeak-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "plainspeak/_data/rules/profiles.yml" in names
    assert "plainspeak/_data/rules/plain-words/verbs.yml" in names
    assert any(n.startswith("plainspeak/_data/web/") for n in names)
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = "from plainspeak.resources import rules_dir, web_dir; print(rules_dir()); print(web_dir())"
    env = {**os.environ, "PYTHONPATH": str(site)}
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, env=env, cwd=tmp_path)
    rules, web = out.stdout.split()
    assert rules == str(site / "plainspeak" / "_data" / "rules")
    assert web == str(site / "plainspeak" / "_data" / "web")


def test_serve_answers_healthz_and_analyze(live_server: str) -> None:
    served = live_server
    assert httpx.get(served + "/healthz").json()["status"] == "ok"
    report = httpx.post(served + "/v1/analyze", json={"text": "We will utilise the hall."}, timeout=30).json()
    assert any(f["rule_id"] == "plain-words.verbs.utilise" for f in report["flags"])
    upload = httpx.post(served + "/v1/analyze", files={"file": ("notice.txt", b"We will utilise the hall.")}, timeout=30)
    assert upload.status_code == 200
