"""The app factory: load the NLP pipeline and rule sets once, in the lifespan."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI

from .. import __version__
from ..rulebook import RuleBook, load_rulebook
from ..settings import Settings, get_settings
from .limits import BodyLimit
from .problems import install_problem_handlers
from .routes import router

__all__ = ["create_app"]

log = logging.getLogger("plainspeak.api")


def create_app(settings: Settings | None = None, book: RuleBook | None = None) -> FastAPI:
    """Build the service. A bad rule file raises here, so the service refuses to start."""
    settings = settings or get_settings()
    book = book or load_rulebook(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("plainspeak ready rules=%d", len(book.rules))
        yield

    app = FastAPI(
        title="plainspeak",
        version=__version__,
        description="Score, flag and rewrite public-service writing in plain English.",
        lifespan=lifespan,
    )
    app.state.book = book
    app.state.settings = settings
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)
    install_problem_handlers(app)
    app.include_router(router)
    return app
