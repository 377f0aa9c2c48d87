"""The JSON Schemas of planaudit's files (draft 2020-12), one per kind of file."""

from __future__ import annotations

import enum
from importlib import resources


class Kind(enum.Enum):
    TARGET = "target"
    OUTCOME = "outcome"
    RULES = "rules"
    SETTINGS = "settings"


def schema_text(kind: Kind) -> str:
    return resources.files(__name__).joinpath(f"{kind.value}.schema.json").read_text(encoding="utf-8")
