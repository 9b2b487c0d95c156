"""Reading YAML so that every mapping remembers its file and line, for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


class SeedError(Exception):
    """A seed file is wrong; the message names the file, the line and the field."""


class Located(dict):
    """A mapping from a YAML file that knows where it stood."""

    file: str = "?"
    line: int = 0
    field_lines: dict[str, int] = {}

    def where(self, field: str | None = None) -> str:
        """'file:line' (of the field when it is there), for error messages."""
        line = self.field_lines.get(field, self.line) if field else self.line
        return f"{self.file}:{line}" + (f": field '{field}'" if field else "")

    def fail(self, field: str, why: str) -> SeedError:
        """An error naming this record's file, line and the field."""
        return SeedError(f"{self.where(field)}: {why}")


def load(path: Path) -> Any:
    """Parse one YAML file; mappings come back as Located dicts."""

    class Loader(yaml.SafeLoader):
        pass

    def mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Located:
        result = Located(loader.construct_mapping(node, deep=True))
        result.file = (
            path.name if path.parent.name in {"", "."} else f"{path.parent.name}/{path.name}"
        )
        result.line = node.start_mark.line + 1
        result.field_lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    try:
        with path.open(encoding="utf-8") as handle:
            # A SafeLoader.
            return yaml.load(handle, Loader=Loader)  # noqa: S506  # nosec B506
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else "?"
        raise SeedError(f"{path.name}:{line}: not valid YAML: {exc.problem}") from None
    except UnicodeDecodeError:
        raise SeedError(f"{path.name}: not UTF-8 text") from None
    except OSError as exc:
        raise SeedError(f"{path}: cannot be read ({exc.strerror})") from None
