"""One exception family. Each error says what went wrong, where, and how to fix it."""

from __future__ import annotations

__all__ = [
    "InputError",
    "PlainspeakError",
    "RuleFileError",
    "SettingsError",
]


class PlainspeakError(Exception):
    """Base class: `str(error)` is a one-line message fit for a user."""

    status = 400
    code = "plainspeak-error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(PlainspeakError):
    """A document we cannot read: empty, binary, badly encoded, too large, corrupt."""

    code = "bad-input"

    def __init__(self, message: str, *, source: str | None = None, status: int = 400, code: str | None = None) -> None:
        super().__init__(message, source=source)
        self.status = status
        if code:
            self.code = code


class RuleFileError(PlainspeakError):
    """A rule file that does not load; the service refuses to start on one."""

    code = "bad-rule-file"
    status = 500

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        super().__init__(message, source=f"{path}:{line}" if line else path)


class SettingsError(PlainspeakError):
    code = "bad-settings"
    status = 500
