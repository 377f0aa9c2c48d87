"""Does a report's sentence say, in the plan's own words, that a commitment is done?

A yes/no figure proves a target *stated* only when its quote repeats enough of the target's
words; otherwise it is an evaluator's reading (*judged*), which the data must explain in a note.
"Enough" is measured on pairs of neighbouring characters — Chinese has no spaces to split words
on, and a pair is the shortest unit that carries a word's meaning (法律, 援助) — as the share of
the target's pairs that the quote repeats, by its title or by the plan's quote, whichever shares more.
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction

from planaudit.model.data import Strength, Target

STATED_SHARE = Fraction(1, 2)  # at least half of the target's character pairs: its words, not a reading of them


def _pairs(text: str) -> frozenset[str]:
    """The pairs of neighbouring letters or digits (punctuation and spaces dropped, full-width folded)."""
    kept = "".join(char for char in unicodedata.normalize("NFKC", text).lower()
                   if unicodedata.category(char)[0] in "LN")
    return frozenset(kept[index:index + 2] for index in range(len(kept) - 1))


def shared_share(words: str, quote: str) -> Fraction:
    """The share of ``words``' character pairs that ``quote`` repeats (1 when ``words`` has none)."""
    pairs = _pairs(words)
    return Fraction(len(pairs & _pairs(quote)), len(pairs)) if pairs else Fraction(1)


# The words that hedge a commitment, weakest first: a target whose words hold one of them is that strong.
HEDGES = ((Strength.EXPLORE, ("探索", "研究", "试点")), (Strength.STRIVE, ("力争", "争取", "努力", "争创")))


def strength_of(words: str) -> Strength:
    """How firmly ``words`` commit: explore where they hold 探索, 研究 or 试点; else strive where they
    hold 力争, 争取, 努力 or 争创; else firm."""
    return next((strength for strength, hedges in HEDGES if any(hedge in words for hedge in hedges)), Strength.FIRM)


def words_share(target: Target, quote: str) -> Fraction:
    """The share of the target's words that ``quote`` repeats: of its title's, or of its plan
    quote's, whichever it repeats more of."""
    return max(shared_share(target.title, quote), shared_share(target.provenance.quote, quote))


def in_targets_words(target: Target, quote: str) -> bool:
    """Does ``quote`` repeat at least :data:`STATED_SHARE` of the target's words?"""
    return words_share(target, quote) >= STATED_SHARE
