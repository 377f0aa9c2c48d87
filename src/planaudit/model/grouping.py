"""The tables of `planaudit compare` (:mod:`planaudit.model.comparison`), named apart from it so that
the command line offers them without loading the model."""

from __future__ import annotations

import enum

MIN_MEASURED = 5  # measured targets (met or missed on a number) a row needs to be ranked among the others


class Grouping(enum.Enum):
    """What a table of the comparison has a row for."""

    JURISDICTION = "jurisdiction"  # its commitments, as `check` counts them (an umbrella once, its items apart)
    SECTION = "section"  # a section of a jurisdiction's plan, in the plan's order
    METRIC = "metric"  # a kind of commitment, the prefix of its metric (legal_aid of legal_aid.cases), everywhere
    RULE = "rule"  # the rule its targets are judged by, everywhere
