"""Every format renders an audit a piece at a time exactly as it renders it whole."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planaudit import api
from planaudit.model.result import AuditResult
from planaudit.report import REPORTERS

ROOT = Path(__file__).parent.parent.parent
EXAMPLE = ROOT / "tests" / "examples" / "basic"


def pieces(result: AuditResult) -> list[AuditResult]:
    """The result cut into one piece per jurisdiction, as the runner judges it."""
    return [
        AuditResult(result.year, result.settings, {slug: name},
                    tuple(item for item in result.results if item.target.jurisdiction == slug),
                    tuple(item for item in result.inconsistencies if item.figure.jurisdiction == slug))
        for slug, name in result.names.items()
    ]


@pytest.fixture(scope="module", params=[ROOT, EXAMPLE], ids=["bundled", "example"])
def result(request) -> AuditResult:
    return api.audit(request.param, 2022, cache=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_rendered_in_pieces_as_whole(result, name, lang, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    reporter = REPORTERS[name](lang)
    cut = pieces(result)
    assert len(cut) >= 2 and sum(len(piece.results) for piece in cut) == len(result.results)
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")  # a workbook writes bytes to out.buffer
    reporter.assemble(result.overview(), [reporter.part(piece) for piece in cut], out)
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
