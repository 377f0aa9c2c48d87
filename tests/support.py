"""Helpers that build small data repositories for tests."""

from __future__ import annotations

import importlib.util
import io
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from planaudit import audit
from planaudit.model.data import Catalogue, Repository, Settings
from planaudit.model.problems import Problem
from planaudit.model.result import AuditResult, TargetResult
from planaudit.read.load import ItemChecks, plans_and_reports, read_file, scan
from planaudit.report import reporter_class
from planaudit.run import runner

JURISDICTION = "testville"
GENERATOR = Path(__file__).parent.parent / "bench" / "generate.py"


@dataclass
class Loaded:
    repository: Repository
    problems: list[Problem]


def load_repository(data_dir: Path, target_years: Iterable[int], outcome_years: Iterable[int],
                    checks: Callable[[Catalogue, Settings], ItemChecks] | None = None) -> Loaded:
    """Every plan and report of the given years as one Repository, and every problem: the load
    stage's pieces put together, for tests that look at the model itself."""
    scanned = scan(data_dir, target_years, outcome_years)
    item_checks = None if checks is None else checks(scanned.catalogue, scanned.settings)
    reads = [read_file(data_dir, job, item_checks) for job in scanned.jobs]
    problems = scanned.loader.problems + [problem for read in reads for problem in read.problems]
    plans, reports = plans_and_reports(scanned.jobs, reads)
    return Loaded(Repository(scanned.settings, scanned.catalogue, plans, reports), problems)


class RepoBuilder:
    """Writes a data repository under ``root``: one rules file, target and outcome files."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def rules(self, text: str, name: str = "metrics.yaml") -> RepoBuilder:
        self.write(f"rules/{name}", text)
        return self

    def targets(self, entries: str, year: int = 2022, jurisdiction: str = JURISDICTION) -> RepoBuilder:
        self.write(f"targets/{year}/{jurisdiction}.yaml", _file(jurisdiction, year, "targets", entries))
        return self

    def outcomes(self, entries: str, year: int = 2022, jurisdiction: str = JURISDICTION) -> RepoBuilder:
        self.write(f"outcomes/{year}/{jurisdiction}.yaml", _file(jurisdiction, year, "figures", entries))
        return self

    def audit(self, year: int = 2022) -> AuditResult:
        return audit(self.root, year)

    def only(self, year: int = 2022) -> TargetResult:
        (result,) = self.audit(year).results
        return result


def streamed_json(root: Path, jurisdictions: tuple[str, ...] = (), workers: int = 1) -> str:
    """The JSON report as `check` makes it: judged a jurisdiction at a time, on ``workers`` processes."""
    prepared = runner.prepare(root, 2022, jurisdictions)
    reporter = reporter_class("json")()
    out = io.StringIO()
    runner.render(prepared, [reporter], workers=workers).write(0, out)
    return out.getvalue()


def rendered_years(root: Path, years: Iterable[int], name: str, lang: str = "en", workers: int = 1) -> bytes:
    """The report in the format ``name`` of `check` over several ``years``, as the command makes it."""
    years = list(years)
    reporter = reporter_class(name)(lang, several_years=len(years) > 1)
    buffer = io.BytesIO()
    out = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
    runner.render_years(runner.prepare_years(root, years), [reporter], workers=workers).write(0, out)
    out.flush()
    return buffer.getvalue()


def generate(root: Path, jurisdictions: int, seed: int = 1, period_plans: bool = False) -> Path:
    """bench/generate.py's synthetic repository of ``jurisdictions`` (its options' defaults otherwise), made in
    this process."""
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    generator.generate(root, jurisdictions, seed, period_plans)
    return root


def replace_once(path: Path, old: str, new: str) -> None:
    """The first ``old`` in the file at ``path`` replaced by ``new`` (there must be one)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _file(jurisdiction: str, year: int, key: str, entries: str) -> str:
    body = textwrap.indent(textwrap.dedent(entries).strip("\n"), "  ")
    return f"jurisdiction: {jurisdiction}\nyear: {year}\n{key}:\n{body}\n"


CASES_TARGET = """
- id: cases
  title: 受理300件以上
  metric: cases
  rule: at_least
  value: 300
  quote: 受理300件以上
"""  # a target of COUNT_METRICS' cases: met from 300

COUNT_METRICS = """
scopes:
  county:
    label: {zh: 县级, en: county level}
metrics:
  cases:
    label: {zh: 案件数, en: Cases}
    unit: case
  closed:
    label: Closed cases
    unit: case
  rate:
    label: {zh: 结案率, en: Closure rate}
    unit: percent
    derive: closed / cases * 100
  share:
    label: Share
    unit: ratio
  open:
    label: Service open
    unit: boolean
"""


def judge(tmp_path: Path, rule: str, value: str | None, figure: str | None, bound: str = "exact",
          metric: str = "cases", target_extra: tuple[str, ...] = (), figure_extra: tuple[str, ...] = ()) -> TargetResult:
    """The one verdict of a target with ``rule``/``value`` against one figure (or none) of ``metric``."""
    target = ["- id: t", "  title: a target", f"  metric: {metric}", f"  rule: {rule}", "  quote: the plan's words"]
    target += [f"  value: {value}"] if value is not None else []
    target += [f"  {line}" for line in target_extra]
    figures = ["[]"]
    if figure is not None:
        figures = [f"- metric: {metric}", f"  value: {figure}", f"  bound: {bound}", "  quote: the report's words"]
        figures += [f"  {line}" for line in figure_extra]
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS).targets("\n".join(target)).outcomes("\n".join(figures))
    return builder.only()
