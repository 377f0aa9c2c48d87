"""The bundled data repository: faithful to its five source documents, and its verdicts pinned.

The quote check needs the source documents in ../shared/seeds beside the repository; where they
are absent it is skipped (and says so).
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from planaudit import Grounds, Reason, Verdict, audit
from planaudit.exact.numbers import format_number
from planaudit.model.result import Agreement
from support import load_repository

ROOT = Path(__file__).parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SOURCES = {
    "targets/2022/fuzhou.yaml": "000_4374a9a9563da587.txt",
    "outcomes/2022/fuzhou.yaml": "001_753de355c682da3f.txt",
    "outcomes/2022/wuhan-district.yaml": "002_95e9d55c22e349f3.txt",
    "targets/2023/wuhan-district.yaml": "002_95e9d55c22e349f3.txt",
    "targets/2022/quzhou.yaml": "003_feddf7c211610919.txt",
    "targets/2022/unnamed-city.yaml": "004_f041fd0804d03e16.txt",
}


def bundled():
    loaded = load_repository(ROOT, [2022, 2023], [2022, 2023])
    assert loaded.problems == []
    return loaded.repository


def quotes() -> list[tuple[str, int, str]]:
    repository = bundled()
    found = [(plan.path, target.location.line, target.provenance.quote)
             for plan in repository.plans.values() for target in plan.targets]
    found += [(plan.path, passage.location.line, passage.quote) for plan in repository.plans.values()
              for passage in [*plan.directions, *(restated for target in plan.targets for restated in target.restated)]]
    found += [(report.path, figure.location.line, figure.provenance.quote)
              for report in repository.reports.values() for figure in report.figures]
    return found


def test_every_data_file_has_a_source():
    files = {str(path.relative_to(ROOT)) for kind in ("targets", "outcomes") for path in (ROOT / kind).glob("*/*.yaml")}
    assert files == set(SOURCES)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}; quotes not checked")
@pytest.mark.parametrize(("path", "line", "quote"), quotes())
def test_quote_is_verbatim_from_its_source(path, line, quote):
    source = (SEEDS / SOURCES[path]).read_text(encoding="utf-8")
    assert quote in source, f"{path}:{line}: quote not found in {SOURCES[path]}: {quote}"


def test_every_plan_and_report_names_its_source_document():
    repository = bundled()
    for item in [*repository.plans.values(), *repository.reports.values()]:
        assert item.document.title and item.document.issuer, item.path


MET, MISSED, UNMEASURED = Verdict.MET, Verdict.MISSED, Verdict.UNMEASURED
STATED, NO_REPORT, NOT_REPORTED, NO_BASELINE = Reason.STATED, Reason.NO_REPORT, Reason.NOT_REPORTED, Reason.NO_BASELINE
MEASURED, STATED_, JUDGED = Grounds.MEASURED, Grounds.STATED, Grounds.JUDGED  # what a verdict rests on

FUZHOU_2022 = {
    "legal-hub-stationing": (MET, STATED, JUDGED),
    "legal-health-checks": (UNMEASURED, NOT_REPORTED, None),
    "rule-of-law-government-model": (MET, STATED, JUDGED),
    "rule-of-law-committee-documents": (UNMEASURED, NOT_REPORTED, None),
    "legislative-consultant-experts": (UNMEASURED, NOT_REPORTED, None),
    "review-reform-handover": (UNMEASURED, NOT_REPORTED, None),
    "head-appearance-rate-up": (UNMEASURED, NO_BASELINE, None),  # 97.12% reported, but no 2021 figure
    "full-time-mediator-share-up": (UNMEASURED, NOT_REPORTED, None),
    "medical-dispute-closure-rate-up": (UNMEASURED, NO_BASELINE, None),
    "medical-dispute-mediation-success": (UNMEASURED, NOT_REPORTED, None),  # a closure rate is not a success rate
    "fengqiao-in-fujian-campaign": (UNMEASURED, NOT_REPORTED, None),
    "fengqiao-shortfalls-campaign": (UNMEASURED, NOT_REPORTED, None),
    "civil-to-criminal-campaign": (UNMEASURED, NOT_REPORTED, None),
    "notary-mediation-110-pilot": (UNMEASURED, NOT_REPORTED, None),
    "mediation-police-room-linkage": (UNMEASURED, NOT_REPORTED, None),
    "medical-mediation-centre-premises": (UNMEASURED, NOT_REPORTED, None),
    "correction-sensitive-periods": (MET, STATED, JUDGED),  # the plan's 两会、国庆、二十大 are examples (等): read as done (note)
    "small-correction-centres-upgrade": (UNMEASURED, NOT_REPORTED, None),
    "released-persons-risk-screening": (MET, STATED, JUDGED),  # 滚动排查 with risk levels: read as the campaign (note)
    "resettlement-emergency-plan": (UNMEASURED, NOT_REPORTED, None),
    "resettlement-information-sharing": (UNMEASURED, NOT_REPORTED, None),
    "key-groups-member-meetings": (UNMEASURED, NOT_REPORTED, None),
    "full-stationing": (UNMEASURED, NOT_REPORTED, None),
    "hotline-round-the-clock": (MET, STATED, STATED_),
    "legal-network-new-modules": (UNMEASURED, NOT_REPORTED, None),
    "legal-network-supervision-function": (UNMEASURED, NOT_REPORTED, None),
    "brand-148-three-year-action": (MET, STATED, STATED_),
    "public-legal-services-3-3-3": (UNMEASURED, Reason.ITEMS, None),  # 4 of 9 items met (1 measured, 3 judged)
    "party-building-brands": (MET, STATED, JUDGED),  # 4 branches awarded 党建品牌: read as brands launched (note)
    "law-culture-clusters": (UNMEASURED, NOT_REPORTED, None),  # 普法品牌集群效应: an effect, no cluster named
    "mediation-contest": (UNMEASURED, NOT_REPORTED, None),
    "legal-aid-labour-arbitration": (MET, STATED, JUDGED),  # 持续深化: the model ran before 2022 (note)
    "medical-dispute-model": (UNMEASURED, NOT_REPORTED, None),  # praise of the existing 福州模式; no word of the 154 model
    "review-convenience-measures": (UNMEASURED, NOT_REPORTED, None),
    "smart-notary": (MET, STATED, JUDGED),
    "hotline-12348-upgrade": (UNMEASURED, NOT_REPORTED, None),  # docking 12348 with 110 and 12345 is no upgrade
    "star-lawyer-studios": (MET, STATED, MEASURED),
    "village-legal-advisers": (UNMEASURED, NOT_REPORTED, None),
    "public-lawyer-government-share": (UNMEASURED, NOT_REPORTED, None),
    "lawyer-mediation-studio-share": (UNMEASURED, NOT_REPORTED, None),
    "lawyer-mediation-studio-per-county": (UNMEASURED, NOT_REPORTED, None),
    "notary-documents-list": (UNMEASURED, NOT_REPORTED, None),
    "provincial-approvals-devolved": (UNMEASURED, NOT_REPORTED, None),
    "lawyers-poverty-alleviation": (UNMEASURED, NOT_REPORTED, None),
    "hundred-firms-hundred-chambers": (UNMEASURED, NOT_REPORTED, None),
    "sanction-linkage": (UNMEASURED, NOT_REPORTED, None),  # the report links bar-association sanctions only
    "grassroots-contact-points": (UNMEASURED, NOT_REPORTED, None),
    "judicial-scalpers-campaign": (UNMEASURED, NOT_REPORTED, None),
    "random-case-inspections": (UNMEASURED, NOT_REPORTED, None),
    "review-platform-pilot": (UNMEASURED, NOT_REPORTED, None),
    "online-review-coverage": (UNMEASURED, NOT_REPORTED, None),
    "enforcement-supervision-three-levels": (UNMEASURED, NOT_REPORTED, None),
    "first-violation-list-second-batch": (UNMEASURED, NOT_REPORTED, None),  # the report has the first batch
    "enforcement-platform": (MET, STATED, STATED_),
    "legal-aid-area-wide": (MET, STATED, STATED_),
    "criminal-defence-coverage": (UNMEASURED, NOT_REPORTED, None),
    "legal-aid-integrity-pledge": (UNMEASURED, NOT_REPORTED, None),
    "smart-legal-aid-platform": (UNMEASURED, NOT_REPORTED, None),
    "admin-review-advisory-committee": (MET, STATED, STATED_),  # the report: the committee's working rules (试行)
    "admin-review-case-seminars": (UNMEASURED, NOT_REPORTED, None),  # 专家论证研讨 is no seminar on review cases
    "constitution-40th-activities": (UNMEASURED, NOT_REPORTED, None),
    "rural-legal-literates": (MET, STATED, STATED_),
    "disputes-zero-blind-spots": (UNMEASURED, NOT_REPORTED, None),
    "reoffending-risk-scale": (UNMEASURED, NOT_REPORTED, None),
    "bar-exam-2022": (UNMEASURED, NOT_REPORTED, None),
    "enforcement-supervisors": (UNMEASURED, NOT_REPORTED, None),
    "party-organisation-effective-coverage": (UNMEASURED, NOT_REPORTED, None),
    "review-dispute-resolution-system": (UNMEASURED, NOT_REPORTED, None),
    "justice-office-quality-year": (UNMEASURED, NOT_REPORTED, None),
    "smart-correction-applications": (UNMEASURED, NOT_REPORTED, None),
    "expert-lawyer-seats": (UNMEASURED, NOT_REPORTED, None),
    "platforms-interconnected": (MET, STATED, JUDGED),  # 12348 linked with 110 and 12345 (no word of data sharing)
    "chamber-law-firm-cooperation": (UNMEASURED, NOT_REPORTED, None),
    "specialised-notary-brands": (UNMEASURED, NOT_REPORTED, None),
    "four-winds-rectification": (UNMEASURED, NOT_REPORTED, None),
}


def verdicts(year: int) -> dict[tuple[str, str], tuple[Verdict, Reason]]:
    return {(item.target.jurisdiction, item.target.id): (item.verdict, item.reason) for item in audit(ROOT, year).results}


def test_fuzhou_2022_verdicts_and_what_each_rests_on():
    found = {item.target.id: (item.verdict, item.reason, item.grounds) for item in audit(ROOT, 2022).results
             if item.target.jurisdiction == "fuzhou"}
    assert found == FUZHOU_2022


@pytest.mark.parametrize(("year", "jurisdiction", "count", "umbrellas"),
                         [(2022, "quzhou", 80, 0), (2022, "unnamed-city", 14, 0), (2023, "wuhan-district", 14, 1)])
def test_jurisdictions_without_a_report_are_unmeasured(year, jurisdiction, count, umbrellas):
    found = [verdict for (where, _), verdict in verdicts(year).items() if where == jurisdiction]
    assert sorted(found, key=lambda verdict: verdict[1].value) == (
        [(UNMEASURED, Reason.ITEMS)] * umbrellas + [(UNMEASURED, NO_REPORT)] * count)  # an umbrella: on its items


def test_inconsistencies_in_the_reports():
    result = audit(ROOT, 2022)
    found = [(item.figure.jurisdiction, item.metric.id, format_number(item.stated.point),
              format_number(item.derived_value), item.figure.location.line) for item in result.inconsistencies]
    assert found == [("fuzhou", "medical_dispute.closure_rate", "91", "97.87", 55)]
    head_rate = next(item for item in result.results if item.target.id == "head-appearance-rate-up")
    assert [(counts.agreement, format_number(counts.stated.point), counts.derived_value)  # 97.12% is 1285/1323 =
            for counts in head_rate.agreeing] == [(Agreement.CUT_OFF, "97.12", Fraction(128500, 1323))]  # 97.1277%, cut off


def test_quzhou_targets_use_the_civil_code_reading():
    rules = {target.id: (target.rule, target.value.number, target.value.percent)
             for target in bundled().plans[(2022, "quzhou")].targets if target.value.number is not None}
    assert {key: (rule, format_number(value), percent) for key, (rule, value, percent) in rules.items()} == {
        "public-lawyer-rate-city": ("at_least", "80", True),  # 达到80%以上: 80 itself counts
        "public-lawyer-rate-county": ("at_least", "50", True),
        "zero-losses-after-review": ("equals", "0", False),
        "litigation-loss-rate": ("at_most", "8", True),  # 控制在8%以内: 8 itself counts
        "lawyers-per-10k": ("at_least", "3.4", False),
        "mid-size-law-firms": ("at_least", "2", False),
        "democratic-villages-share": ("at_least", "85", True),
        "legal-aid-growth": ("growth_at_least", "20", True),
        "enterprise-legal-checkups": ("at_least", "20000", False),
        "petition-backlog-cleared": ("equals", "0", False),
        "reoffending-rate": ("at_most", "0.16", True),
        "township-legal-cadres": ("at_least", "1", False),
        "fengqiao-justice-stations": ("at_least", "2", False),
        "province-rank-top-five": ("at_most", "5", False),  # 保五: fifth itself keeps it
        "supervision-pilots": ("at_least", "2", False),
        "model-townships": ("more_than", "1", False),  # 一批: more than one
    }


# What `planaudit coverage` finds of each seed against the bundled data today: (document, options,
# commitments or stated figures, how many an entry quotes). Every quote is verbatim in its document.
COVERAGE = [
    ("000_4374a9a9563da587.txt", (), 259, 196),  # left: closing purposes, loyalty formulas, means (none annotated)
    ("001_753de355c682da3f.txt", (), 85, 21),
    ("002_95e9d55c22e349f3.txt", ("--kind", "report"), 9, 4),
    ("002_95e9d55c22e349f3.txt", ("--kind", "plan", "--year", "2023", "--part", "三"), 25, 17),
    ("003_feddf7c211610919.txt", (), 225, 179),  # left: as for 000
    ("004_f041fd0804d03e16.txt", ("--kind", "plan", "--year", "2022"), 163, 65),  # a speech: its rhetoric is left
]


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}; coverage not measured")
@pytest.mark.parametrize(("document", "options", "total", "covered"), COVERAGE, ids=lambda value: str(value))
def test_coverage_of_each_seed(document, options, total, covered):
    import json

    from acceptance_support import planaudit

    done = planaudit("coverage", str(SEEDS / document), *options, "--format", "json", "--data", str(ROOT), data=None)
    summary = json.loads(done.stdout)["summary"]
    assert (done.returncode, summary["clauses"], summary["covered"], summary["not_verbatim"]) == (0, total, covered, 0)


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"source documents not found at {SEEDS}; coverage not measured")
@pytest.mark.parametrize(("annotation", "document"), [("fuzhou-2022", "000_4374a9a9563da587.txt"),
                                                      ("quzhou-2022", "003_feddf7c211610919.txt")])
def test_every_hand_annotated_commitment_is_accounted_for(annotation, document):
    """Every commitment of the two seed plans (tests/check/commitments/) is a target, a restatement
    or a direction: what `coverage` still lists are clauses the annotation does not count."""
    import json

    import yaml

    from acceptance_support import planaudit

    done = planaudit("coverage", str(SEEDS / document), "--format", "json", "--data", str(ROOT), data=None)
    uncovered = json.loads(done.stdout)["uncovered"]
    annotated = yaml.safe_load((ROOT / "tests" / "check" / "commitments" / f"{annotation}.yaml").read_text(encoding="utf-8"))
    assert [entry for entry in annotated["commitments"]
            if any(clause["line"] == entry["line"] and entry["says"] in clause["text"] for clause in uncovered)] == []


def test_the_notary_share_is_checked_against_its_counts():
    """31 → 43 matters, 62% → 86%: on the report's own assumption of an unchanged total (50), 43 × 62% / 31
    = 86% as the counts are written, 85.3%–86.7% as they are rounded — consistent; 88% would not be."""
    import dataclasses
    from decimal import Decimal

    from planaudit.judge.resolve import Resolver, inconsistency

    repository = bundled()
    report = repository.reports[(2022, "fuzhou")]
    (share,) = [figure for figure in report.figures if figure.metric == "notary.no_trip_share"]
    resolver = Resolver(repository.catalogue, [report])
    agreeing = inconsistency(resolver, share, None, quick=False)
    assert agreeing is not None and agreeing.agreement is Agreement.ROUNDED  # consistent: never listed
    wrong = dataclasses.replace(share, stated=dataclasses.replace(share.stated, value=Decimal(88)))
    found = inconsistency(resolver, wrong, None)
    assert found is not None and found.listed and format_number(found.derived_value) == "86"
