"""The command line's own words in the run's language: click's and typer's ("Usage:", "Show this
message and exit.", "Missing argument") and the commands' help.

click and typer ask ``gettext.gettext`` of the default domain ("messages"), which this module binds
to planaudit's catalogues (planaudit/locale/<lang>/LC_MESSAGES/messages.mo); gettext reads the
language from the environment (LANGUAGE first) each time it is asked. :class:`TranslatedGroup`, the
command line's group, resolves the run's language before anything is parsed — ``--lang`` if the
arguments give one, else the locale's, as planaudit's own messages do — and says it to gettext by
LANGUAGE while click parses the arguments and shows its errors, and only then: each command runs
under the environment as it was, so nothing of it reaches the processes planaudit starts (git), and
after the run the environment is as before (a command run in-process by CliRunner leaves nothing
behind). The commands' help is translated on the command objects click builds for the run, from the
catalogue (each English help text a msgid of context "help"). Imported by planaudit.cli.app; the
library never imports it."""

from __future__ import annotations

import contextlib
import functools
import gettext
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import click
from typer.core import TyperGroup

from planaudit.messages import CLICK_DOMAIN, LOCALE_DIR, translate
from planaudit.report.language import LANGUAGES, default_lang

HELP = "help"  # the context (msgctxt) of the commands' help texts in the catalogue
LANGUAGE = "LANGUAGE"  # the variable gettext reads first

gettext.bindtextdomain(CLICK_DOMAIN, str(LOCALE_DIR))


class TranslatedGroup(TyperGroup):
    """planaudit's command group: click's words and the commands' help in the run's language."""

    def main(self, args: Sequence[str] | None = None, *rest: Any, **options: Any) -> Any:
        lang = chosen_lang(sys.argv[1:] if args is None else args) or default_lang(None)
        outside = os.environ.get(LANGUAGE)
        for command in [self, *self.commands.values()]:
            if lang != "en":
                translate_help(command, lang)
            if command.callback is not None:
                command.callback = _under(outside, getattr(command.callback, "unwrapped", command.callback))
        with _language(lang):
            return super().main(args, *rest, **options)


def chosen_lang(args: Sequence[str]) -> str | None:
    """The language ``--lang`` names among the arguments (before a ``--``), if one does."""
    for index, arg in enumerate(args):
        if arg == "--":
            return None
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            return value
    return None


@contextlib.contextmanager
def _language(value: str | None) -> Iterator[None]:
    """LANGUAGE set to ``value`` (None: unset), and as it was after."""
    before = os.environ.get(LANGUAGE)
    if value is None:
        os.environ.pop(LANGUAGE, None)
    else:
        os.environ[LANGUAGE] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(LANGUAGE, None)
        else:
            os.environ[LANGUAGE] = before


def _under(outside: str | None, callback: Callable[..., Any]) -> Callable[..., Any]:
    """``callback`` run with LANGUAGE as it was outside the command line's parsing."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        with _language(outside):
            return callback(*args, **kwargs)

    run.unwrapped = callback  # type: ignore[attr-defined]  # a command object run again is wrapped once, not again
    return run


def translate_help(command: click.Command, lang: str) -> None:
    """The help texts of ``command`` and its parameters, in ``lang`` (on this command object alone)."""
    for holder in [command, *command.params]:
        text = getattr(holder, "help", None)
        if text:
            holder.help = translate(text, lang, HELP)
    if command.help and command.short_help is None:
        command.short_help = short_help(command.help)


_CLAUSE_END = re.compile("[。；：]")  # a sentence's or a clause's end, in a language written without spaces
SHORT_HELP_LENGTH = 45  # click's own limit for a command's short help


def short_help(text: str) -> str | None:
    """What a group's list of commands shows of a help text written without spaces between words
    (Chinese): its first sentence, or, when that is long, its first clause. click shortens a help text
    at spaces, and would show "..." alone for such a sentence. None (click's own way) for other text."""
    first = text.split("\n\n", 1)[0].strip()
    end = _CLAUSE_END.search(first)
    if end is None:
        return None
    sentence = first[:first.find("。") + 1] if "。" in first else first
    return sentence if len(sentence) <= SHORT_HELP_LENGTH else first[:end.start()]


def help_texts(command: click.Command) -> list[str]:
    """Every help text of a command (a group: and of its commands) and its parameters, in English."""
    commands = [command, *command.commands.values()] if isinstance(command, click.Group) else [command]
    return [text for each in commands for holder in [each, *each.params] if (text := getattr(holder, "help", None))]
