"""The app factory: load the NLP pipeline and rule sets once, in the lifespan."""

from __future__ import annotations

import asyncio
import gc
import logging
import threading
from contextlib import asynccontextmanager
from typing import AsyncIterator

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from .. import __version__
from ..rulebook import RuleBook, load_rulebook
from ..settings import Settings, get_settings
from ..pictures import load_picture_bank
from ..resources import web_dir
from ..whisper.broker import make_broker
from ..whisper.service import WhisperService
from ..whisper.workers import Whisperers, worker_count
from . import events, pages
from .headers import SecurityHeaders
from .limits import BodyLimit
from .problems import install_problem_handlers
from .routes import router

__all__ = ["create_app"]

log = logging.getLogger("plainspeak.api")


#: Collector thresholds for the web process. Each caption's fan-out leaves short-lived
#: objects (a wait per viewer, until the event's next line). At Python's default of 700
#: young collections come so often that many are promoted before they die, and every ten
#: seconds or so that sets off a full collection walking every open connection: 60-130 ms
#: with a thousand viewers. With these thresholds a 60 s load run had none.
GC_THRESHOLDS = (20_000, 20, 100)


def _warm(book: RuleBook) -> None:
    book.matcher.warm()
    # The model and rules live as long as the process: keep the garbage collector from
    # walking them again and again, which pauses live captions for tenths of a second.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def create_app(settings: Settings | None = None, book: RuleBook | None = None) -> FastAPI:
    """Build the service. A bad rule file raises here, so the service refuses to start."""
    settings = settings or get_settings()
    book = book or load_rulebook(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        log.info("plainspeak ready rules=%d broker=%s", len(book.rules), "redis" if settings.redis_url else "memory")
        if not book.matcher.warmed:
            # In a thread: the service answers at once, and is quick for live captions soon after.
            threading.Thread(target=_warm, args=(book,), name="plainspeak-warm", daemon=True).start()
        starting = asyncio.create_task(whisperers.start())
        yield
        starting.cancel()
        whisperers.close()
        await app.state.whisper.broker.close()

    app = FastAPI(
        title="plainspeak",
        version=__version__,
        description="Score, flag and rewrite public-service writing in plain English.",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    # The bundled Swagger UI (4.x) reads OpenAPI 3.0 documents; ours use nothing newer.
    app.openapi_version = "3.0.3"
    app.state.book = book
    app.state.settings = settings
    app.state.pictures = load_picture_bank(settings.pictures_dir)
    whisperers = Whisperers(book, worker_count(settings))
    app.state.whisper = WhisperService(book, make_broker(settings.redis_url, settings.event_history), settings, whisperers)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload_bytes)
    app.add_middleware(SecurityHeaders)
    install_problem_handlers(app)
    app.include_router(router)
    app.include_router(pages.router)
    app.include_router(events.router)
    app.mount("/static", StaticFiles(directory=web_dir() / "static"), name="static")
    app.mount("/docs-assets", StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Swagger UI served from the swagger-ui-bundle package: no CDN, no network.
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="plainspeak API",
            swagger_js_url="/docs-assets/swagger-ui-bundle.js",
            swagger_css_url="/docs-assets/swagger-ui.css",
            swagger_favicon_url="/docs-assets/favicon-32x32.png",
        )

    return app
