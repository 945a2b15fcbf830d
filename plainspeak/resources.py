"""Where the data folders live: the repo checkout in development, the wheel when installed."""

from __future__ import annotations

from pathlib import Path

__all__ = ["rules_dir", "web_dir"]

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # An installed wheel carries the folders inside the package; a checkout has them beside it.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"plainspeak cannot find its {name}/ folder; reinstall the package")


def rules_dir() -> Path:
    return _find("rules")


def web_dir() -> Path:
    return _find("web")
