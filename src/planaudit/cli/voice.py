"""How a command speaks: on standard error, in the language it resolved once; a library error as its
message and its exit status; a usage error."""

from __future__ import annotations

import enum
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import typer

from planaudit.errors import PlanauditError
from planaudit.messages import Message, Sayable, msg
from planaudit.report.language import default_lang
from planaudit.run.failon import exit_status

T = TypeVar("T")


@dataclass
class Stderr:
    """Where a command says things: standard error, in the language the command resolves once (--lang,
    else the locale's, then planaudit.yaml's once the library has read it) and passes."""

    lang: str

    def say(self, text: str | Sayable) -> None:
        say_error(text, self.lang)


def voice_of(lang: enum.Enum | None) -> Stderr:
    return Stderr(lang.value if lang is not None else default_lang(None))


def call(voice: Stderr, action: Callable[[], T]) -> T:
    """Call the library; a PlanauditError becomes its message on stderr and its exit status."""
    try:
        return action()
    except PlanauditError as error:
        voice.say(error.format(voice.lang))
        raise typer.Exit(error.exit_status) from None


def say_error(message: str | Sayable, lang: str) -> None:
    """A message on standard error, in the language of the run (text is said as it is), never
    executed as a workflow command on a CI log."""
    from planaudit.report.workflow import inert

    with inert(sys.stderr):
        typer.echo(message if isinstance(message, str) else message.render(lang), err=True)


def usage_error(voice: Stderr, message: Message) -> typer.Exit:
    voice.say(msg("planaudit: error: {error}", error=message))
    return typer.Exit(exit_status(unusable=True))


def format_of(voice: Stderr, path: Path, endings: Mapping[str, str], listed: str) -> str:
    """The format an -o file's ending names, or a usage error that lists the endings."""
    name = endings.get(path.suffix.lower())
    if name is None:
        raise usage_error(voice, msg("cannot tell the format of {path} from its ending; use one of {endings}",
                                      path=str(path), endings=listed))
    return name
