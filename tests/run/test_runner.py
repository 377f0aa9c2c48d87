"""The runner: an audit a jurisdiction at a time — grouping, the pieces kept for the reporters, what
crosses from the workers."""

from __future__ import annotations

import io

import pytest

from planaudit import api
from planaudit.errors import InvalidData, UnknownJurisdiction
from planaudit.report import reporter_class
from planaudit.run import runner
from support import COUNT_METRICS, RepoBuilder, streamed_json


def test_each_jurisdiction_holds_its_files(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}", jurisdiction="east")
    builder.outcomes("- {metric: cases, value: 2, quote: q}", year=2021, jurisdiction="east")
    builder.outcomes("- {metric: cases, value: 2, quote: q}", jurisdiction="east")
    builder.outcomes("- {metric: cases, value: 2, quote: q}", jurisdiction="west")  # a report with no plan
    builder.targets("- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}", jurisdiction="north")
    audit = runner.prepare(tmp_path, 2022)
    assert [(unit.slug, [job.display for job in unit.files], unit.audited) for unit in audit.jurisdictions] == [
        ("east", ["targets/2022/east.yaml", "outcomes/2021/east.yaml", "outcomes/2022/east.yaml"], True),
        ("north", ["targets/2022/north.yaml"], True),
        ("west", ["outcomes/2022/west.yaml"], False),
    ]
    assert audit.known == ["east", "north"]
    chosen = runner.prepare(tmp_path, 2022, ["north"])  # the others' files are not read at all
    assert [(unit.slug, unit.audited) for unit in chosen.jurisdictions] == [("north", True)]


def test_a_jurisdiction_without_a_plan_is_unknown_before_anything_is_read(repository):
    report = repository / "outcomes" / "2022" / "riverton.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("value: 9.5", "value: nine"), encoding="utf-8")
    with pytest.raises(UnknownJurisdiction, match="no targets for nowhere in 2022"):
        streamed_json(repository, ("nowhere",))


def test_a_chosen_jurisdiction_is_judged_and_the_others_only_checked(repository):
    chosen = streamed_json(repository, ("riverton",))
    assert '"jurisdiction": "hillcounty"' not in chosen and '"jurisdiction": "riverton"' in chosen
    assert chosen == reporter_class("json")().render(api.audit(repository, 2022, ["riverton"]))


def test_an_audit_prepared_once_serves_every_reporters_options(repository):
    audit = runner.prepare(repository, 2022)
    english, chinese = reporter_class("table")("en"), reporter_class("table")("zh")
    runner.render(audit, [english])
    out = io.StringIO()
    runner.render(audit, [chinese]).write(0, out)
    assert out.getvalue() == chinese.render(api.audit(repository, 2022))


def test_pieces_are_kept_and_read_back_as_often_as_asked(repository):
    audit = runner.prepare(repository, 2022)
    whole = runner.audit_whole(audit).jurisdictions()
    reporters = [reporter_class("json")("en"), reporter_class("csv")("zh")]
    shared = runner.Shared(reporters)
    kept = runner.Pieces(shared)
    for result in whole:
        kept.append(shared.pickled_pieces(result))
    csv_pieces = [reporters[1].piece(result) for result in whole]
    first, second = kept.of(1), kept.of(1)
    assert next(first) == csv_pieces[0]
    assert list(second) == csv_pieces  # each reading keeps its place
    assert list(first) == csv_pieces[1:]
    assert list(kept.of(0)) == [reporters[0].piece(result) for result in whole]


def test_what_crosses_from_a_worker_is_text_not_the_model(repository):
    """A worker sends the run what each jurisdiction adds to each report: text and rows, never a
    rule (which holds functions) nor the model's objects."""
    audit = runner.prepare(repository, 2022)
    result = runner.audit_whole(audit).jurisdictions()[0]
    shared = runner.Shared([reporter_class(name)("en") for name in ("json", "markdown", "table", "xlsx", "junit")])
    pickled = shared.pickled_pieces(result)
    assert not any(b"planaudit.judge" in piece or b"planaudit.model" in piece for piece in pickled)
    assert [shared.unpickled(piece) for piece in pickled] == [reporter.piece(result) for reporter in shared.reporters]


def test_the_library_renders_as_the_command_does(repository, tmp_path):
    prepared = api.prepare(repository, 2022)
    reporter = reporter_class("csv")("zh")
    rendered = api.render(prepared, [reporter])
    out = io.StringIO()
    rendered.write(0, out)
    whole = api.audit(repository, 2022)
    assert out.getvalue() == reporter_class("csv")("zh").render(whole)
    assert rendered.overview.summary == whole.summary


def test_with_a_bad_catalogue_nothing_is_judged_and_every_problem_is_reported(repository):
    rules = repository / "rules" / "metrics.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("derive: ", "derive: no_such_metric + "), encoding="utf-8")
    with pytest.raises(InvalidData) as raised:
        streamed_json(repository)
    assert {problem.code.value for problem in raised.value.problems} == {"unknown-metric"}
    assert all(unit.audited is False for unit in runner.prepare(repository, 2022).jurisdictions)
