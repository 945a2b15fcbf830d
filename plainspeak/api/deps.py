"""What routes get from the app: the settings and the rule book loaded at start-up."""

from __future__ import annotations

from fastapi import Request

from ..rulebook import RuleBook
from ..settings import Settings

__all__ = ["get_book", "get_app_settings"]


def get_book(request: Request) -> RuleBook:
    return request.app.state.book


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings
