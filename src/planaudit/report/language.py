"""Which language people read planaudit in."""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")


def default_lang(configured: str | None = None) -> str:
    """The repository's ``lang``, else the locale's language, else English."""
    if configured in LANGUAGES:
        return configured
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"
