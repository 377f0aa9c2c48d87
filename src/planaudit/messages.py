"""Every message a user reads, in the run's language, from one gettext catalogue per language.

A message is its English wording — a ``str.format`` template, and the gettext msgid — and its
parameters; it is put into words only when it is shown, in the language of the run: the template is
looked up in ``locale/<lang>/LC_MESSAGES/planaudit.mo``, and the parameters (names and numbers from
the data, or messages of their own, rendered in the same language) are put into it. English needs no
catalogue: the msgid is the English. A message built of parts (a problem, then "; did you mean …?")
is a template whose parameters are the parts, so each part is translated on its own.

``msg`` is the keyword Babel extracts (babel.cfg): ``msg("unknown metric '{metric}'", metric=name)``.
This module imports nothing of planaudit, so that every stage can say things.
"""

from __future__ import annotations

import functools
import gettext
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, Union

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "planaudit"  # planaudit's own messages
CLICK_DOMAIN = "messages"  # click's and typer's words: they ask gettext.gettext, of the default domain

_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def printable(text: str) -> str:
    """``text`` with control and format characters (escape sequences, bidi overrides,
    newlines) replaced by visible escapes, so that data can never drive the terminal."""
    if text.isprintable():
        return text
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in _INVISIBLE else ch
                   for ch in text)


Param = Union[str, int, "Message", tuple["Param", ...]]  # a tuple is its parts rendered one after another


@dataclass(frozen=True, slots=True)
class Message:
    """A wording (its English template, the msgid) and what goes into it; ``context`` tells apart
    two wordings that read alike in English (gettext's msgctxt)."""

    msgid: str
    params: tuple[tuple[str, Param], ...] = ()
    context: str = ""

    def render(self, lang: str = "en") -> str:
        template = translate(self.msgid, lang, self.context)
        if not self.params:  # a wording without parameters is said as it is written, braces and all
            return template
        return template.format(**{name: render(value, lang) for name, value in self.params})

    def __str__(self) -> str:
        return self.render("en")


class Sayable(Protocol):
    """Anything said in a language when it is shown: a message, or a text made of messages."""

    def render(self, lang: str = "en") -> str: ...


def msg(msgid: str, /, **params: Param) -> Message:
    """A message: ``msgid`` its English template, ``params`` what goes into its braces."""
    return Message(msgid, tuple(params.items()))


def pmsg(context: str, msgid: str, /, **params: Param) -> Message:
    """A message whose English alone does not say what it is (``context``: what it is)."""
    return Message(msgid, tuple(params.items()), context)


def as_written(text: str) -> Message:
    """Text that no catalogue translates (an operating system's or a library's words), as a message."""
    return pmsg("words as written", "{text}", text=text)


def render(value: Param, lang: str = "en") -> str:
    """A parameter in words of ``lang``: text and numbers as they are, a message translated, a
    tuple its parts one after another."""
    if isinstance(value, Message):
        return value.render(lang)
    if isinstance(value, tuple):
        return "".join(render(part, lang) for part in value)
    return str(value)


def joined(parts: Iterable[Param], separator: Param) -> tuple[Param, ...]:
    """``parts`` with ``separator`` between each two: a parameter."""
    listed: list[Param] = []
    for part in parts:
        if listed:
            listed.append(separator)
        listed.append(part)
    return tuple(listed)


def translate(msgid: str, lang: str, context: str = "") -> str:
    """``msgid`` in ``lang``: its translation in the catalogue, else ``msgid`` itself."""
    if lang == "en":  # the msgids themselves
        return msgid
    catalogue = _catalogue(lang)
    return catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)


@functools.cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``lang``, read once, when a message is first shown in it."""
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
