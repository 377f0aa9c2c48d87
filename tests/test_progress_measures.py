"""planaudit's statuses beside published progress measures, on the figures of examples/china as of 2022
(docs/progress-measures.md): Open SDG's progress measure (open-sdg/sdg-build, sdg/ProgressMeasure.py) and
the two measures of ESCAP's Asia-Pacific SDG progress assessment (the current status index, and the
anticipated progress class). Eurostat's method is left out: its methodology text could not be read.

A test oracle, not product code: each measure is a few lines, from the example's YAML read afresh, in exact
fractions of the numbers as written. A root (a compound annual growth rate) is bracketed between two
fractions, more finely until the class on either side is the same: no float enters the arithmetic."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
import yaml

from planaudit.model.period import Status, YearStatus
from planaudit.run.progress import progress

CHINA = Path(__file__).resolve().parent.parent / "examples" / "china"
FIRST, LAST, AS_OF = 2021, 2025, 2022
LEVELS = [("china", "urbanization"), ("china", "patents"), ("china", "schooling"), ("china", "doctors"),
          ("china", "childcare"), ("china", "life-expectancy"), ("china", "forest"), ("moj", "lawyers")]
CHAINED = [("china", "rnd-growth"), ("china", "energy-intensity"), ("china", "carbon-intensity")]

# Per target: planaudit's status, Open SDG's status, ESCAP's current status index, ESCAP's anticipated class.
TABLE = {
    "urbanization": (Status.ACHIEVED_EARLY, "target_achieved", Fraction(133, 111), "green"),
    "patents": (Status.AHEAD, "substantial_progress", Fraction(31, 57), "green"),
    "schooling": (Status.BEHIND, "moderate_progress", Fraction(13, 50), "yellow"),
    "doctors": (Status.AHEAD, "substantial_progress", Fraction(5, 6), "green"),
    "childcare": (Status.BEHIND, "moderate_progress", Fraction(7, 27), "yellow"),
    "life-expectancy": (Status.ON_TRACK, "substantial_progress", Fraction(27, 100), "green"),  # on 2021's figure
    "forest": (Status.AHEAD, "substantial_progress", Fraction(49, 53), "green"),
    "lawyers": (Status.AHEAD, "substantial_progress", Fraction(54, 95), "green"),  # at the bounds 57.48, 65.16
    "rnd-growth": (Status.ON_TRACK, "substantial_progress", Fraction("0.18152") / (Fraction(107, 100) ** 5 - 1), "green"),
    "energy-intensity": (Status.BEHIND, "limited_progress", Fraction("0.027973") / Fraction("0.135"), "yellow"),
    "carbon-intensity": (Status.BEHIND, "limited_progress", Fraction("0.045696") / Fraction("0.18"), "green or yellow"),
}


def number(value: object) -> Fraction:
    return Fraction(str(value))


def plan_target(jurisdiction: str, ident: str) -> dict:
    plan = yaml.safe_load((CHINA / "targets" / f"{FIRST}-{LAST}" / f"{jurisdiction}.yaml").read_text(encoding="utf-8"))
    return next(target for target in plan["targets"] if target["id"] == ident)


def figure(year: int, jurisdiction: str, metric: str) -> Fraction | None:
    """The year's own figure of the metric (a lower bound, 万多, as its number), or None."""
    path = CHINA / "outcomes" / str(year) / f"{jurisdiction}.yaml"
    if not path.is_file():
        return None
    report = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [item for item in report["figures"] if item["metric"] == metric and "as_of" not in item]
    return number(found[0]["value"]) if found else None


def series(jurisdiction: str, ident: str) -> tuple[list[tuple[int, Fraction]], Fraction, int]:
    """The points (year, level) from the base to AS_OF, the end value and the direction (+1 up, −1 down).
    A chained target's level is the index its yearly rates chain to, 1 at the year before the period."""
    target = plan_target(jurisdiction, ident)
    direction = -1 if target.get("direction") == "down" else 1
    value = number(target["value"])
    if target["kind"] in ("reach", "increase_by"):
        base = number(target["base"]["value"])
        points = [(target["base"]["year"], base)]
        points += [(year, found) for year in range(FIRST, AS_OF + 1) if (found := figure(year, jurisdiction, target["metric"]))]
        return points, base + value if target["kind"] == "increase_by" else value, direction
    step = 1 + direction * value / 100
    end = step ** (LAST - FIRST + 1) if target["kind"] == "average_growth" else step
    points, index = [(FIRST - 1, Fraction(1))], Fraction(1)
    for year in range(FIRST, AS_OF + 1):
        rate = figure(year, jurisdiction, target["metric"])
        assert rate is not None, (ident, year)  # no year of the chain is missing in the example
        index *= 1 + rate / 100
        points.append((year, index))
    return points, end, direction


# Open SDG: sdg-build's sdg/ProgressMeasure.py (SeriesProgress, commit 139fede7): target_achieved when the
# current value meets the target; else R = sign · direction · CAGR_observed / |CAGR_required|, with
# CAGR = (value / base)^(1 / years) − 1, classed against high 0.95, med 0.6, low 0.

def root_bounds(x: Fraction, n: int, digits: int) -> tuple[Fraction, Fraction]:
    """lo ≤ x^(1/n) ≤ hi, hi − lo = 10^−digits (x > 0)."""
    scale = 10**digits
    whole = x.numerator * scale**n // x.denominator
    guess = 1 << -(-whole.bit_length() // n)  # at or above the root: Newton's steps come down to its floor
    while True:
        lower = ((n - 1) * guess + whole // guess ** (n - 1)) // n
        if lower >= guess:
            break
        guess = lower
    return Fraction(guess, scale), Fraction(guess + 1, scale)


def open_sdg_status(value: Fraction) -> str:
    if value >= Fraction(95, 100):
        return "substantial_progress"
    if value >= Fraction(6, 10):
        return "moderate_progress"
    return "limited_progress" if value >= 0 else "deterioration"


def open_sdg(points: list[tuple[int, Fraction]], target: Fraction, direction: int) -> str:
    (base_year, base), (year, current) = points[0], points[-1]
    if (direction == 1 and current >= target) or (direction == -1 and current <= target):
        return "target_achieved"
    for digits in (12, 24, 48, 96):
        observed = root_bounds(current / base, year - base_year, digits)
        required = root_bounds(target / base, LAST - base_year, digits)
        numerator = sorted(direction * (end - 1) for end in observed)
        denominator = sorted(abs(end - 1) for end in required)
        assert denominator[0] > 0  # the target differs from the base
        ratios = [top / bottom for top in numerator for bottom in denominator]
        low, high = open_sdg_status(min(ratios)), open_sdg_status(max(ratios))
        if low == high:
            return low
    raise AssertionError("a ratio on a threshold")


# ESCAP: the current status index, the progress made since the base in relation to the progress needed;
# the anticipated progress class of the value a time-weighted linear regression projects to the due year
# (green: the pace reaches the target; yellow: progress needs to accelerate; red: the trend runs counter).

def current_status(points: list[tuple[int, Fraction]], target: Fraction) -> Fraction:
    (_, base), (_, current) = points[0], points[-1]
    return (current - base) / (target - base)


def anticipated(points: list[tuple[int, Fraction]], target: Fraction, direction: int) -> str:
    """A weighted least-squares line's projection and slope are averages of every pair of points' own,
    each with the weight w_i·w_j·(t_j − t_i)² > 0: a class is certain, whatever ESCAP's weights, when
    every pair gives it; else it is the weights' ("green or yellow")."""
    pairs = [(a, b) for i, a in enumerate(points) for b in points[i + 1:]]
    slopes = [(yb - ya) / (tb - ta) for (ta, ya), (tb, yb) in pairs]
    reach = [direction * (ya + slope * (LAST - ta) - target) for ((ta, ya), _), slope in zip(pairs, slopes, strict=True)]
    trend = [direction * slope for slope in slopes]
    if all(each >= 0 for each in reach):
        return "green"
    if not all(each <= 0 for each in reach):
        return "green or yellow" if all(each >= 0 for each in trend) else "undetermined"
    if all(each >= 0 for each in trend):
        return "yellow"
    return "red" if all(each <= 0 for each in trend) else "yellow or red"


@pytest.fixture(scope="module")
def latest() -> dict[str, YearStatus]:
    """planaudit's latest year (AS_OF) of each target of the table."""
    result = progress(CHINA, FIRST, LAST, AS_OF).result
    return {item.target.id: item.years[-1] for item in result.targets
            if (item.target.jurisdiction, item.target.id) in LEVELS + CHAINED}


def test_the_table_holds_every_target_with_a_base_and_a_figure():
    assert sorted(TABLE) == sorted(ident for _, ident in LEVELS + CHAINED)
    assert all(len(series(*each)[0]) >= 2 for each in LEVELS + CHAINED)


@pytest.mark.parametrize(("jurisdiction", "ident"), LEVELS + CHAINED)
def test_planaudit(latest, jurisdiction, ident):
    assert latest[ident].status is TABLE[ident][0]


@pytest.mark.parametrize(("jurisdiction", "ident"), LEVELS + CHAINED)
def test_open_sdg(jurisdiction, ident):
    assert open_sdg(*series(jurisdiction, ident)) == TABLE[ident][1]


@pytest.mark.parametrize(("jurisdiction", "ident"), LEVELS + CHAINED)
def test_escap_current_status_is_planaudits_share_covered(latest, jurisdiction, ident):
    points, target, _ = series(jurisdiction, ident)
    assert current_status(points, target) == TABLE[ident][2]
    assert latest[ident].covered.lo == TABLE[ident][2]  # p; the lawyers' at least, from the bound 65.16


@pytest.mark.parametrize(("jurisdiction", "ident"), LEVELS + CHAINED)
def test_escap_anticipated_progress(jurisdiction, ident):
    assert anticipated(*series(jurisdiction, ident)) == TABLE[ident][3]


def test_the_oracle_brackets_roots_and_reads_the_edges():
    assert root_bounds(Fraction(2), 2, 3) == (Fraction(1414, 1000), Fraction(1415, 1000))
    assert root_bounds(Fraction(27, 8), 3, 2) == (Fraction(3, 2), Fraction(151, 100))
    assert open_sdg([(2020, Fraction(10)), (2022, Fraction(9))], Fraction(12), 1) == "deterioration"
    assert open_sdg([(2020, Fraction(10)), (2022, Fraction(8))], Fraction(12), -1) == "target_achieved"
    # energy intensity: 2021's fall of 2.7% alone would reach −13.5% by 2025 on a straight line (a projection
    # exactly on the target), 2022's −0.1% pulls every weighting's projection short of it
    points, target, direction = series("china", "energy-intensity")
    assert points[0][1] - 5 * (points[0][1] - points[1][1]) == target
    assert anticipated([(2020, Fraction(10)), (2022, Fraction(9))], Fraction(12), 1) == "red"
    # the lawyers' 2021 figure is 57.48万多: a 2021 count nearer 65.16 would flatten the last pair's line
    flattened = [(2020, Fraction("52.2")), (2021, Fraction(65)), (2022, Fraction("65.16"))]
    assert anticipated(flattened, Fraction(75), 1) == "green or yellow"
