"""What routes get from the app: the settings and the rule book loaded at start-up."""

from __future__ import annotations

from fastapi import Request

from ..pictures import PictureBank
from ..rulebook import RuleBook
from ..settings import Settings

__all__ = ["get_app_settings", "get_book", "get_pictures"]


def get_book(request: Request) -> RuleBook:
    return request.app.state.book


def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_pictures(request: Request) -> PictureBank:
    return request.app.state.pictures
