"""Easy Read pictures: keyword map from rules/pictures.yml, or an organisation's own folder."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from pydantic import BaseModel, ConfigDict

from .errors import RuleFileError
from .resources import rules_dir
from .rulesets.loader import read_validated

__all__ = ["IMAGE_SUFFIXES", "Picture", "PictureBank", "load_picture_bank"]

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp")


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    label: str
    emoji: str
    keywords: tuple[str, ...] = ()


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    default: _Entry
    pictures: tuple[_Entry, ...]


@dataclass(frozen=True, slots=True)
class Picture:
    """An emoji, or an image file (by name) from the organisation's folder."""

    key: str
    label: str
    emoji: str | None = None
    image: str | None = None


class PictureBank:
    def __init__(self, entries: Iterable[_Entry], default: _Entry, folder: Path | None) -> None:
        self.default = Picture(default.label, default.label, emoji=default.emoji)
        self.choices: dict[str, Picture] = {self.default.key: self.default}
        self._by_word: dict[str, Picture] = {}
        for entry in entries:
            picture = Picture(entry.label, entry.label, emoji=entry.emoji)
            self.choices[picture.key] = picture
            for word in entry.keywords:
                self._by_word.setdefault(word.lower(), picture)
        self.folder = folder
        if folder is not None:
            for path in sorted(folder.iterdir()):
                if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
                    word = path.stem.lower()
                    picture = Picture(f"image:{path.name}", word, image=path.name)
                    self.choices[picture.key] = picture
                    self._by_word[word] = picture  # the organisation's own pictures come first

    def for_words(self, lemmas: Iterable[str]) -> Picture:
        """The picture for the first word that has one, else the default."""
        for lemma in lemmas:
            picture = self._by_word.get(lemma.lower())
            if picture is not None:
                return picture
        return self.default

    def get(self, key: str) -> Picture:
        return self.choices.get(key, self.default)

    def image_path(self, name: str) -> Path | None:
        """A file in the organisation's folder, by exact name; never a path outside it."""
        if self.folder is None or "/" in name or "\\" in name or name.startswith("."):
            return None
        path = self.folder / name
        return path if path.is_file() and path.suffix.lower() in IMAGE_SUFFIXES else None


@lru_cache(maxsize=4)
def load_picture_bank(folder: Path | None = None) -> PictureBank:
    path = rules_dir() / "pictures.yml"
    parsed, _ = read_validated(path, _File)
    if folder is not None and not folder.is_dir():
        raise RuleFileError(str(folder), None, "PLAINSPEAK_PICTURES_DIR is not a folder")
    return PictureBank(parsed.pictures, parsed.default, folder)
