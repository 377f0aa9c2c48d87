"""How well `planaudit extract` drafts the bundled data from the source documents.

    python bench/extract_quality.py [--seeds ../shared/seeds]

Runs extract on the two plans and the two reports of ../shared/seeds and compares each draft with
the hand-made file of the bundled data repository. A drafted entry *finds* a hand-made one when
their quotes overlap (one contains the other); it *matches* it when it also has the same rule,
value and deadline (targets) or the same value and bound (figures). Recall: the share of hand-made
entries found (matched); precision: the share of drafted entries that find (match) one. A plan's
hand-made target may be in the draft as a direction (a commitment drafted with no rule the draft
could read): "in the draft" counts those too.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from planaudit.extract import DocumentKind, DraftDirection, DraftFigure, DraftTarget, extract_file
from planaudit.model.data import Figure, Plan, Report, Target
from planaudit.read.load import read_data_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
# (seed file, kind, the bundled file it is encoded in)
DOCUMENTS = (
    ("000_4374a9a9563da587.txt", DocumentKind.PLAN, "targets/2022/fuzhou.yaml"),
    ("003_feddf7c211610919.txt", DocumentKind.PLAN, "targets/2022/quzhou.yaml"),
    ("001_753de355c682da3f.txt", DocumentKind.REPORT, "outcomes/2022/fuzhou.yaml"),
    ("002_95e9d55c22e349f3.txt", DocumentKind.REPORT, "outcomes/2022/wuhan-district.yaml"),
)


@dataclass(frozen=True)
class Score:
    document: str
    hand_made: int  # entries of the bundled file that extract could draft (numbers, for reports)
    drafted: int
    found: int  # hand-made entries some draft finds
    matched: int  # hand-made entries some draft matches
    finding: int  # drafts that find a hand-made entry
    matching: int  # drafts that match one
    in_draft: int  # hand-made entries some draft finds, a plan's drafted directions included

    def row(self) -> str:
        return (f"| {self.document} | {self.hand_made} | {self.drafted} | {_share(self.found, self.hand_made)} | "
                f"{_share(self.matched, self.hand_made)} | {_share(self.in_draft, self.hand_made)} | "
                f"{_share(self.finding, self.drafted)} | {_share(self.matching, self.drafted)} |")


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.0%}" if whole else "-"


def overlap(quote: str, clause: str) -> bool:
    quote, clause = "".join(quote.split()), "".join(clause.split())
    return quote in clause or clause in quote


def _same_target(draft: DraftTarget, target: Target) -> bool:
    return (overlap(target.provenance.quote, draft.clause) and draft.rule == target.rule and draft.value == target.value.number
            and draft.deadline == target.period.deadline)


def _same_figure(draft: DraftFigure, figure: Figure) -> bool:
    return (overlap(figure.provenance.quote, draft.clause) and draft.value == figure.stated.value
            and draft.bound is figure.stated.bound)


def score(seeds: Path, seed: str, kind: DocumentKind, bundled: str) -> Score:
    kind_dir, year, name = bundled.split("/")
    jurisdiction = Path(name).stem
    read = read_data_file((ROOT / bundled).read_bytes(), bundled, kind_dir, int(year), jurisdiction)
    draft = extract_file(seeds / seed, jurisdiction, kind)
    if kind is DocumentKind.PLAN:
        assert isinstance(read.item, Plan)
        return _score(seed, read.item.targets, draft.targets,
                      lambda d, t: overlap(t.provenance.quote, d.clause), _same_target, draft.directions)
    assert isinstance(read.item, Report)
    numbers = [figure for figure in read.item.figures if isinstance(figure.stated.value, Decimal)]
    return _score(seed, numbers, draft.figures,
                  lambda d, f: overlap(f.provenance.quote, d.clause) and d.value == f.stated.value, _same_figure)


def _score(seed: str, hand_made: Sequence, drafts: Sequence, finds, matches,  # type: ignore[type-arg, no-untyped-def]
           directions: Sequence[DraftDirection] = ()) -> Score:
    found = [any(finds(d, h) for d in drafts) for h in hand_made]
    return Score(
        seed, len(hand_made), len(drafts),
        found=sum(found),
        matched=sum(any(matches(d, h) for d in drafts) for h in hand_made),
        finding=sum(any(finds(d, h) for h in hand_made) for d in drafts),
        matching=sum(any(matches(d, h) for h in hand_made) for d in drafts),
        in_draft=sum(was_found or any(finds(d, h) for d in directions) for was_found, h in zip(found, hand_made, strict=True)),
    )


def scores(seeds: Path = SEEDS) -> list[Score]:
    return [score(seeds, seed, kind, bundled) for seed, kind, bundled in DOCUMENTS]


def table(rows: Sequence[Score]) -> str:
    header = ("| document | hand-made | drafted | recall (found) | recall (exact) | recall (in the draft) "
              "| precision (found) | precision (exact) |\n|---|---|---|---|---|---|---|---|")
    return "\n".join([header, *(row.row() for row in rows)]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    print(table(scores(parser.parse_args().seeds)), end="")


if __name__ == "__main__":
    main()
