"""Every format renders an audit handed to it a jurisdiction at a time exactly as it renders it whole,
and however the results reached it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planaudit import api
from planaudit.model.result import AuditResult
from planaudit.report import formats, reporter_class
from planaudit.run import pool, runner

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "tests" / "examples" / "basic"


def pieces(result: AuditResult) -> list[AuditResult]:
    """The result cut into one piece per jurisdiction, as the runner judges it."""
    return [
        AuditResult(result.year, result.settings, {slug: name},
                    tuple(item for item in result.results if item.target.jurisdiction == slug),
                    tuple(item for item in result.inconsistencies if item.figure.jurisdiction == slug),
                    {slug: result.directions.get(slug, 0)})
        for slug, name in result.names.items()
    ]


def test_the_jurisdictions_are_the_pieces(result):
    assert [piece.jurisdictions() for piece in pieces(result)] == [[item] for item in result.jurisdictions()]


@pytest.fixture(scope="module", params=[ROOT, EXAMPLE], ids=["bundled", "example"])
def result(request) -> AuditResult:
    return api.audit(request.param, 2022)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(found.name for found in formats()))
def test_a_report_of_results_from_workers_is_the_report_of_the_whole(result, name, lang, monkeypatch):
    """Judged in worker processes, kept, read back: each format writes the very bytes it writes of the
    audit judged whole, here."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setattr(pool, "PARALLEL_FROM", 1)
    root = ROOT if "fuzhou" in result.names else EXAMPLE
    reporter = reporter_class(name)(lang)
    assert len(result.jurisdictions()) >= 2
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")  # a workbook writes bytes to out.buffer
    runner.render(runner.prepare(root, 2022), [reporter], workers=2).write(0, out)
    out.flush()
    assert buffer.getvalue() == reporter.render_bytes(result)


def test_the_pieces_hold_what_makes_the_formats_differ(result):
    """Inconsistencies, unmeasured, missed and waived targets: each format's every section is compared."""
    verdicts = {item.verdict.value for item in result.results}
    assert {"met", "unmeasured"} <= verdicts
    if result.names.keys() >= {"fuzhou", "quzhou"}:
        assert result.inconsistencies
    else:
        assert any(item.waived for item in result.results) and "missed" in verdicts


@pytest.mark.parametrize("name", sorted(found.name for found in formats()))
def test_a_piece_is_made_from_the_result_and_the_options_alone(result, name):
    """The run makes pieces in the workers, from the reporters as they were made, before any begin:
    making one changes nothing of the reporter, and the same result gives the same piece."""
    reporter = reporter_class(name)("zh", width=90, fail_on="missed,inconsistent")
    before = dict(vars(reporter))  # a shallow copy is enough: an unbegun reporter holds only its options, immutable
    first = [reporter.piece(item) for item in result.jurisdictions()]
    assert vars(reporter) == before
    assert first == [reporter.piece(item) for item in result.jurisdictions()]
