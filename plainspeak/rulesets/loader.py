"""YAML rule files -> validated rules, with `file:line: what is wrong` on any error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from ..errors import RuleFileError
from .schema import Defaults, Rule, RuleFile

__all__ = ["LoadedRule", "describe", "load_rule_dirs", "load_rule_file", "node_line", "read_validated", "read_yaml", "rule_files"]

#: libyaml's parser when PyYAML was built with it: ten times faster on a thousand rules.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Files at the top of a rules folder that hold shared data, not rule sets.
SHARED_FILES = frozenset({"profiles.yml", "detectors.yml", "spelling.yml", "pictures.yml"})


@dataclass(frozen=True, slots=True)
class LoadedRule:
    """A rule with the file-level facts folded in and its full dotted id."""

    id: str
    set: str
    category: str
    kind: str
    rule: Rule
    severity: str
    safe: bool
    sources: tuple[str, ...]
    path: str
    line: int


def node_line(node: yaml.Node | None, loc: Iterable[Any]) -> int | None:
    """The line of the deepest YAML node a pydantic error location reaches."""
    if node is None:
        return None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == key or (key == "from_" and key_node.value == "from"):
                    node = value_node
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1


def describe(error: dict[str, Any]) -> str:
    where = ".".join(str(part) for part in error["loc"] if part != "from_")
    message = error["msg"].removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def read_yaml(path: Path) -> tuple[yaml.Node | None, Any]:
    """The YAML node tree (for line numbers) and the plain data of one file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(str(path), None, f"cannot read the file: {error}") from error
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error)
        raise RuleFileError(str(path), mark.line + 1 if mark else None, f"YAML error: {problem}") from error
    finally:
        loader.dispose()


M = TypeVar("M", bound=BaseModel)


def read_validated(path: Path, model: type[M]) -> tuple[M, yaml.Node | None]:
    """A YAML data file validated by a pydantic model; errors name the file and line."""
    node, data = read_yaml(path)
    try:
        return model.model_validate(data), node
    except ValidationError as error:
        first = error.errors()[0]
        raise RuleFileError(str(path), node_line(node, first["loc"]), describe(first)) from error


def load_rule_file(path: Path) -> list[LoadedRule]:
    """Validate one file; raise RuleFileError naming the file and line of the first problem."""
    shown = str(path)
    node, data = read_yaml(path)
    if not isinstance(data, dict) or node is None:
        raise RuleFileError(shown, 1, "a rule file is a mapping with set, category, kind, description and rules")
    try:
        parsed = RuleFile.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise RuleFileError(shown, node_line(node, first["loc"]), describe(first)) from error
    if parsed.set != path.parent.name:
        raise RuleFileError(shown, node_line(node, ["set"]), f"set {parsed.set!r} must equal the folder name {path.parent.name!r}")
    if parsed.category != path.stem:
        raise RuleFileError(shown, node_line(node, ["category"]), f"category {parsed.category!r} must equal the file name {path.stem!r}")
    return [_fold(parsed, rule, shown, node_line(node, ["rules", i])) for i, rule in enumerate(parsed.rules)]


def _fold(file: RuleFile, rule: Rule, path: str, line: int) -> LoadedRule:
    defaults: Defaults = file.defaults
    kind = rule.kind or ("acronym" if rule.acronym is not None else file.kind)
    return LoadedRule(
        id=f"{file.set}.{file.category}.{rule.id}",
        set=file.set,
        category=file.category,
        kind=kind,
        rule=rule,
        severity=rule.severity or defaults.severity,
        safe=defaults.safe if rule.safe is None else rule.safe,
        sources=rule.sources if rule.sources is not None else defaults.sources,
        path=path,
        line=line,
    )


def rule_files(directory: Path) -> list[Path]:
    """Rule files under a rules folder, in a stable order: set folder, then file name."""
    if not directory.is_dir():
        raise RuleFileError(str(directory), None, "no such rules folder")
    return sorted(p for p in directory.glob("*/*.yml") if p.name not in SHARED_FILES)


def load_rule_dirs(directories: Iterable[Path]) -> list[LoadedRule]:
    """Load every rule file; any bad file or repeated id stops the whole load."""
    rules: list[LoadedRule] = []
    seen: dict[str, LoadedRule] = {}
    for directory in directories:
        for path in rule_files(directory):
            for loaded in load_rule_file(path):
                if loaded.id in seen:
                    first = seen[loaded.id]
                    raise RuleFileError(loaded.path, loaded.line, f"rule id {loaded.id} is already used at {first.path}:{first.line}")
                seen[loaded.id] = loaded
                rules.append(loaded)
    return rules
