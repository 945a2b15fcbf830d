"""HTTP layer: an app factory and thin routers over the analysis core."""

from .app import create_app

__all__ = ["create_app"]
