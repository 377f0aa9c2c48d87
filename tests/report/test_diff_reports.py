"""The formats of `planaudit diff`: every string from data escaped for where it goes, and the
registry that the command line's --format and -o choices are read from."""

from __future__ import annotations

import io
import json

import pytest

from planaudit.judge.compare import compare_inconsistencies, compare_targets
from planaudit.model.changes import Change, DiffResult, FigureChange
from planaudit.report import DIFF, endings_text, formats, reporter_class
from support import COUNT_METRICS, JURISDICTION, RepoBuilder

HOSTILE = "a | b <script>x</script> [link](https://evil.example) \x1b[31mred ##[error]x\n::error::y %0A"


def hostile_diff(tmp_path) -> DiffResult:
    def side(name, value):
        builder = RepoBuilder(tmp_path / name).rules(COUNT_METRICS)
        builder.targets(f"- {{id: t, title: {json.dumps(HOSTILE)}, metric: cases, rule: at_least, value: 300, "
                        f"quote: {json.dumps(HOSTILE + ' 300')}}}")  # hostile, and stating its value
        builder.outcomes(f"- {{metric: cases, value: {value}, quote: {json.dumps(HOSTILE + f' {value}')}}}")
        return builder.audit()

    before, after = side("base", 310), side("head", 290)
    figure = FigureChange(Change.REVISED, 2022, JURISDICTION, before.results[0].evidence()[0],
                          after.results[0].evidence()[0])
    return DiffResult(HOSTILE, "working tree", tuple(compare_targets(2022, JURISDICTION, before, after)), (figure,),
                      tuple(compare_inconsistencies(2022, JURISDICTION, before, after)))


def rendered(name: str, result: DiffResult, fail_on: str = "never") -> str:
    out = io.StringIO()
    reporter_class(name, DIFF)("en", fail_on=fail_on).write(result, out)
    return out.getvalue()


def test_the_table_shows_data_literally_and_commands_nothing(tmp_path):
    text = rendered("table", hostile_diff(tmp_path))
    assert "\x1b" not in text
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())


def test_markdown_cells_cannot_break_the_table_or_make_html_or_links(tmp_path):
    text = rendered("markdown", hostile_diff(tmp_path))
    assert "<script" not in text and "](https://" not in text
    header, rule, row = [line for line in text.splitlines() if line.startswith("|")]
    assert row.replace("\\|", "").count("|") == header.count("|") == 7


def test_github_annotations_keep_each_message_on_its_line(tmp_path):
    text = rendered("github", hostile_diff(tmp_path), fail_on="worse")
    lines = text.splitlines()
    summary = next(index for index, line in enumerate(lines) if not line.startswith("::"))
    assert lines[0].startswith("::error file=outcomes/2022/") and "%250A" in lines[0] and "\\n::error::y" in lines[0]
    assert [line.split(" ", 1)[0] for line in lines[:summary]] == ["::error", "::notice"]
    assert "##[" not in lines[summary]  # the summary line, from the revisions' names
    group, *logged, end = lines[summary + 1:]
    assert group.startswith("::group::") and end == "::endgroup::"
    assert logged and not any(line.startswith("::") or "##[" in line for line in logged)  # data, inert


def test_json_reads_back_the_very_strings(tmp_path):
    text = rendered("json", hostile_diff(tmp_path))
    assert "##[" not in text
    document = json.loads(text)
    assert document["base"] == HOSTILE
    assert document["targets"][0]["after"]["title"] == HOSTILE


@pytest.mark.parametrize("found", formats(DIFF), ids=lambda found: found.name)
def test_every_diff_format_is_registered_with_its_class(found):
    assert reporter_class(found.name, DIFF).__name__ == found.cls
    assert all(f"{suffix} ({found.name})" in endings_text(DIFF) for suffix in found.suffixes)


def loosened_diff(tmp_path) -> DiffResult:
    def side(name, rule, quote):
        builder = RepoBuilder(tmp_path / name).rules(COUNT_METRICS)
        builder.targets(f"- {{id: t, title: 受理300件, metric: cases, rule: {rule}, value: 300, quote: {quote}}}")
        builder.outcomes("- {metric: cases, value: 300, quote: 受理300件}")
        return builder.audit()

    before, after = side("base", "more_than", "受理超过300件"), side("head", "at_least", "受理300件以上")
    return DiffResult("main", "working tree", tuple(compare_targets(2022, JURISDICTION, before, after)), (), ())


@pytest.mark.parametrize(("fail_on", "level"), [("never", "warning"), ("loosened", "error"), ("redefined", "error"),
                                                ("worse", "warning")])
def test_a_loosened_target_is_annotated_at_its_line_with_its_threshold_change(tmp_path, fail_on, level):
    result = loosened_diff(tmp_path)
    assert [(item.change, item.before.verdict.value, item.after.verdict.value) for item in result.targets] == [
        (Change.LOOSENED, "missed", "met")]  # 300 is not more than 300; it is at least 300
    first = rendered("github", result, fail_on).splitlines()[0]
    assert first == (f"::{level} file=targets/2022/{JURISDICTION}.yaml,line=4,title=loosened%3A t::"
                     "受理300件: threshold > 300 → ≥ 300")
    assert "| loosened | 2022 " in rendered("markdown", result).replace("**", "")
    assert "— threshold > 300 → ≥ 300" in rendered("markdown", result)


def test_a_moved_plan_is_one_row_of_the_pull_request_comment(tmp_path):
    from planaudit.judge.compare import moves

    def plan(root, slug):
        builder = RepoBuilder(root).rules(COUNT_METRICS)
        builder.targets("- {id: t, title: 受理300件, metric: cases, rule: at_least, value: 300, quote: 受理300件以上}\n"
                        "- {id: u, title: 开通服务, metric: open, rule: achieved, quote: 开通服务}", jurisdiction=slug)
        builder.outcomes("[]", jurisdiction=slug)
        return builder.audit()

    changes = moves([*compare_targets(2022, "old-name", plan(tmp_path / "a", "old-name"), None),
                     *compare_targets(2022, "new-name", None, plan(tmp_path / "b", "new-name"))])
    markdown = rendered("markdown", DiffResult("main", "working tree", tuple(changes), (), ()))
    rows = [line for line in markdown.split("<details>")[0].splitlines() if line.startswith("| moved")]
    assert len(rows) == 1 and "2 targets, from 2022 old-name" in rows[0]
    assert "targets 2 moved" in markdown


def test_github_shows_ten_annotations_of_a_level_then_counts_the_rest(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("\n".join(f"- {{id: t{index}, title: 开通服务, metric: open, rule: achieved, quote: 开通服务}}"
                              for index in range(12)))
    builder.outcomes("[]")
    removed = compare_targets(2022, JURISDICTION, builder.audit(), None)
    lines = rendered("github", DiffResult("main", "working tree", tuple(removed), (), ()), "removed").splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == 11 and all("title=removed%3A t" in line for line in errors[:10])
    assert errors[10] == "::error title=more::and 2 more of this level: see the Markdown comment or the JSON report"


def test_a_redefinition_with_the_same_threshold_names_the_fields_that_changed(tmp_path):
    from planaudit.report.changes import redefinition_text

    def side(name, quote):
        builder = RepoBuilder(tmp_path / name).rules(COUNT_METRICS)
        builder.targets(f"- {{id: t, title: 受理300件, metric: cases, rule: at_least, value: 300, quote: {quote}}}")
        builder.outcomes("[]")
        return builder.audit()

    (item,) = compare_targets(2022, JURISDICTION, side("base", "受理300件以上"), side("head", "全年受理300件以上"))
    assert (item.change, redefinition_text(item, "en")) == (Change.REDEFINED, "changed: quote")
