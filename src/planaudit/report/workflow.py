"""Keeping data from commanding a CI runner.

GitHub's runner reads every line a step prints: ``##[command …]`` anywhere in a line, and
``::command …::`` at a line's start (leading white space aside), are executed. Text from data can
hold either. Each output keeps them inert in its own way, always — so that a report is the same
bytes inside and outside Actions:

- JSON and SARIF: ``[`` after ``##`` is written as the escape ``\\u005b`` (the same string to a
  JSON reader); no JSON line can begin with ``::``.
- JUnit XML: the character references ``&#91;`` and ``&#58;`` (the same text to an XML reader).
- CSV, which has no escapes: a WORD JOINER (U+2060, invisible) between the two ``#`` and between
  the two ``:``.
- The human-readable outputs (the table, Markdown, explain, validate's text, error messages) are,
  when printed on an Actions log, put between ``::stop-commands::<random token>`` and
  ``::<token>::``, the runner's own way of printing text it must not execute.
- ``--format github`` is workflow commands: its messages are escaped by the commands' own rules.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Iterator
from typing import TextIO

_COMMAND_AT_LINE_START = re.compile(r"^(\s*):(?=:)", re.MULTILINE)
WORD_JOINER = "\u2060"


def json_text(text: str) -> str:
    """JSON text whose strings cannot be read as a workflow command (the same values to a reader)."""
    return text.replace("##[", "##\\u005b") if "##[" in text else text


def xml_text(text: str) -> str:
    """XML text that cannot be read as a workflow command (the same document to a reader)."""
    if "##[" in text:
        text = text.replace("##[", "##&#91;")
    return _COMMAND_AT_LINE_START.sub(r"\1&#58;", text) if "::" in text else text


def plain_text(text: str) -> str:
    """Text with no escapes of its own (a CSV cell): the sequences kept apart by a WORD JOINER."""
    if "##[" in text:
        text = text.replace("##[", f"#{WORD_JOINER}#[")
    return _COMMAND_AT_LINE_START.sub(rf"\1:{WORD_JOINER}", text) if "::" in text else text


def on_actions_log(stream: TextIO) -> bool:
    """Is ``stream`` read by a GitHub Actions runner? (In Actions, and not a file.)"""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        return False
    try:
        return not stat.S_ISREG(os.fstat(stream.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return True  # cannot tell: keep it inert


@contextlib.contextmanager
def inert(stream: TextIO) -> Iterator[None]:
    """What is written to ``stream`` within the block is never executed by an Actions runner."""
    if not on_actions_log(stream):
        yield
        return
    import secrets  # here: most runs are not on a CI log

    token = secrets.token_hex(16)
    stream.write(f"::stop-commands::{token}\n")
    try:
        yield
    finally:
        stream.write(f"::{token}::\n")
        stream.flush()
