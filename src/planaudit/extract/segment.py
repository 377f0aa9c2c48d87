"""Cut a document's text into clauses, each with its sentence, section and line.

Plans and reports state one commitment or one figure per clause (between commas), so the clause
is what a target's title and quote are made of. Sections come from headings at the start of a
line: 一、 opens a part, （一） a section within it; a target's section reads 四（一）.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from planaudit.read.text import simplified

_PART = re.compile(r"\s*([一二三四五六七八九十]+)、")
_SECTION = re.compile(r"\s*[（(]([一二三四五六七八九十]+)[）)]")
_SENTENCE_END = re.compile(r"(?<=[。；;！？!?])")
_CLAUSE_END = re.compile(r"(?<=[，,：:])")
_TRIM = "，,：:。；;！？!? \t\u3000"
_INNER_PUNCTUATION = re.compile(r"[，,：:。；;！？!?]")
_SENTENCE_INNER = re.compile(r"[：:。；;！？!?]")  # what ends a sentence (or opens a list) within a line
_TITLE_LENGTH = 30  # a section's title is one short phrase


@dataclass(frozen=True, slots=True)
class Clause:
    text: str  # verbatim, without the punctuation that ends it
    sentence: str  # the sentence the clause belongs to, verbatim
    section: str | None  # e.g. 四（一）
    line: int  # 1-based line of the document
    reading: str  # the clause as it is matched: Traditional characters read as Simplified (its quote stays verbatim)
    sentence_reading: str  # the sentence so read (once for all its clauses: a sentence may have thousands)
    heading: bool = False  # the title of a part or section (一、强化政治建设), which sums up what its body commits to


def clauses(text: str) -> Iterator[Clause]:
    """Every non-empty clause of ``text``, in order."""
    part: str | None = None
    section: str | None = None
    readings: dict[str, str] = {}  # each clause's text as read, once however often the document repeats it
    for number, line in enumerate(text.splitlines(), start=1):
        heading = _PART.match(line)
        title = False
        if heading:
            part, section = heading.group(1), None
            line = line[heading.end():]
            title = not _SENTENCE_INNER.search(line.strip(_TRIM))  # no sentence of its own: the part's title
            # (一、强化政治建设更加从严从实，坚定…正确方向: a title of two phrases)
        heading = _SECTION.match(line)
        titled = False  # its first sentence is the section's title: （二）大力推进打造“148”品牌。要…
        if heading:
            section = heading.group(1)
            line = line[heading.end():]
            titled = True
        where = None if part is None else part if section is None else f"{part}（{section}）"
        for index, sentence in enumerate(_SENTENCE_END.split(line)):
            whole = sentence.strip(_TRIM)
            section_title = titled and index == 0 and not _INNER_PUNCTUATION.search(whole) and len(whole) <= _TITLE_LENGTH
            whole_reading = simplified(whole)
            for clause in _CLAUSE_END.split(sentence):
                clause = clause.strip(_TRIM)
                if clause:
                    if clause not in readings:
                        readings[clause] = simplified(clause)
                    yield Clause(clause, whole, where, number, readings[clause], whole_reading, title or section_title)
