"""OpenAPI descriptions of request bodies the routes read by hand (JSON or multipart)."""

from __future__ import annotations

from typing import Any

from .inputs import TextRequest

__all__ = ["TEXT_OR_FILE"]

TEXT_OR_FILE: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": TextRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "format": "binary", "description": ".txt, .md, .html or .docx"},
                        "text": {"type": "string"},
                        "profile": {"type": "string", "default": "general"},
                        "mode": {"type": "string", "enum": ["safe", "all"], "default": "safe"},
                    },
                }
            },
        },
    }
}
