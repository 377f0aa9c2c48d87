"""Find a plan's commitments by what a commitment is, not by a list of its verbs.

A work plan's task sections (the body of 一、… and its （一）…) are written as orders with no
subject: each clause between commas opens on its predicate, perhaps after adverbs (持续、深入、
进一步), and the predicate takes an object — 深化“八五”普法, 开展企业法治体检2万家, 加强人民调解员队伍
建设. So a commitment is a clause of a task section, not a title, whose first word past its adverbs
is not a preposition opening a frame (以…为抓手, 为…提供保障, 按照…要求, 把…作为…: how or why, not
what) and is followed by an object. The parts of speech come from rjieba (jieba's dictionary and
tagger), which reads what a list of verbs cannot: a commitment whose verb no list foresaw.

Its recall is measured against hand-annotated lists of every commitment of two published plans
(tests/check/commitments/, written before this was tuned): see docs/extract-and-coverage.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from planaudit.extract.draft import DraftDirection, DraftTarget
from planaudit.extract.plan import reads_as_commitment
from planaudit.extract.segment import Clause

# jieba's part-of-speech tags (the ICTCLAS set): those that stand before a clause's predicate …
_ADVERBIAL = frozenset({"d", "ad", "vd", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv"})
_PREPOSITION = "p"
# … and those that can head its object: nouns of every kind, verbal and adjectival nouns, idioms,
# abbreviations, numbers, distinguishing words, pronouns, measure words, Latin letters (XX, 12348).
_OBJECT_TAGS = ("n", "vn", "an", "j", "l", "i", "m", "b", "r", "q", "eng")
_OBJECT_MARKS = frozenset("“‘《「\"")  # a named thing: “法治体检”, 《法律援助法》
_PREDICATE_TAGS = ("v", "a", "d")  # what may follow a preposition of manner: a verb, or the adverb before one


def commitments(clauses: Iterable[Clause], year: int) -> Iterator[Clause]:
    """The clauses that are commitments: in a task section, a predicate with its object — not a
    title, which sums up its body, unless it commits to a number or a deadline of its own
    (（一）医患纠纷调解成功率达85%以上。)."""
    from rjieba import tag  # deferred: only coverage and a plan's extract read parts of speech

    for clause in clauses:
        if clause.section is None:
            continue
        if clause.heading:
            if reads_as_commitment(clause, year):
                yield clause
            continue
        words = tag(clause.reading)
        if not _framed(clause.reading, words) and _predicate_with_object(words):
            yield clause


def draft_directions(clauses: Iterable[Clause], year: int, targets: Iterable[DraftTarget]) -> Iterator[DraftDirection]:
    """The plan's commitments that no target is drafted for: drafted as directions, which
    `coverage` would otherwise list as uncovered."""
    drafted: dict[int, list[str]] = {}
    for target in targets:
        drafted.setdefault(target.line, []).append(target.clause)
    for clause in commitments(clauses, year):
        if not any(quote in clause.text for quote in drafted.get(clause.line, ())):
            yield DraftDirection(clause.text, clause.section, clause.line)


def _framed(text: str, words: list[tuple[str, str]]) -> bool:
    """以…为…: a frame, however the tagger cuts its first word (以党的政治建设为统领: 以党 as one noun)."""
    return text.startswith("以") and any(word == "为" and part == _PREPOSITION for word, part in words)


def _predicate_with_object(words: list[tuple[str, str]]) -> bool:
    """Past its adverbs, does the clause open on a predicate (not a preposition's frame) that has an object after it?"""
    index = 0
    while index < len(words):
        part = words[index][1]
        if part in _ADVERBIAL:
            index += 1
            continue
        if part == _PREPOSITION:
            if not _manner(words, index):
                return False
            index += 2  # 按要求 开展…: a preposition of one word's object says how, and the predicate follows
            continue
        return any(later.startswith(_OBJECT_TAGS) or word in _OBJECT_MARKS for word, later in words[index + 1:])
    return False


def _manner(words: list[tuple[str, str]], index: int) -> bool:
    """Is the preposition at ``index`` an adverbial of manner — its object one word, a predicate right
    after it (按要求扎实开展, 按部署开展) — rather than a frame (以党的政治建设为统领, 为…提供保障)?"""
    return index + 2 < len(words) and words[index + 2][1].startswith(_PREDICATE_TAGS)
