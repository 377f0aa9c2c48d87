"""The one interface every output format implements."""

from __future__ import annotations

import abc
from typing import TYPE_CHECKING, ClassVar

if TYPE_CHECKING:
    from ..result import AuditResult


class Reporter(abc.ABC):
    """Renders an :class:`AuditResult`; sees nothing else of the run."""

    name: ClassVar[str]
    suffixes: ClassVar[tuple[str, ...]] = ()  # file endings that choose this format for -o

    def __init__(self, lang: str = "en", color: bool = False, width: int | None = None) -> None:
        self.lang = lang
        self.color = color
        self.width = width

    @abc.abstractmethod
    def render(self, result: AuditResult) -> str:
        """The whole report as text, ending with a newline."""
