"""`planaudit init`: a new data repository with one worked example."""

from __future__ import annotations

from pathlib import Path

from planaudit.errors import PlanauditError
from planaudit.report.output import write_atomically

EXAMPLE_YEAR = 2022

FILES = {
    "planaudit.yaml": """\
# Repository settings: the language of reports and which verdicts fail `planaudit check`.
lang: zh
fail_on: missed
""",
    "rules/metrics.yaml": """\
# The metric catalogue: every metric a target or figure names.
metrics:
  medical_dispute.cases_filed:
    label: {zh: 医患纠纷立案数, en: Medical disputes filed}
    unit: case
  medical_dispute.cases_closed:
    label: {zh: 医患纠纷结案数, en: Medical disputes closed}
    unit: case
  medical_dispute.closure_rate:
    label: {zh: 医患纠纷结案率, en: Medical-dispute closure rate}
    unit: percent
    # Derived from the counts whenever a report states them.
    derive: medical_dispute.cases_closed / medical_dispute.cases_filed * 100
""",
    f"targets/{EXAMPLE_YEAR}/example.yaml": f"""\
# One plan: the targets a jurisdiction set for a year.
jurisdiction: example
name: 示例市
year: {EXAMPLE_YEAR}
document: {{title: {EXAMPLE_YEAR}年司法行政工作要点（示例）, issuer: 示例市司法局}}
targets:
  - id: medical-dispute-closure
    title: 医患纠纷结案率达90%以上
    metric: medical_dispute.closure_rate
    rule: at_least
    value: 90%
    quote: 医患纠纷结案率达90%以上
""",
    f"outcomes/{EXAMPLE_YEAR}/example.yaml": f"""\
# One report: the figures a jurisdiction reported for that year.
jurisdiction: example
name: 示例市
year: {EXAMPLE_YEAR}
document: {{title: {EXAMPLE_YEAR}年司法行政工作总结（示例）, issuer: 示例市司法局}}
figures:
  - metric: medical_dispute.cases_filed
    value: 282
    quote: 立案282件
  - metric: medical_dispute.cases_closed
    value: 276
    quote: 结案276件
""",
}


class WouldOverwrite(PlanauditError):
    def __init__(self, existing: list[Path]) -> None:
        listed = ", ".join(str(path) for path in existing)
        super().__init__(f"not creating a data repository: these files exist already: {listed}")


def create_repository(directory: Path) -> list[Path]:
    """Write the worked example under ``directory``; refuse, writing nothing, if any file exists."""
    paths = [directory / name for name in FILES]
    existing = [path for path in paths if path.exists()]
    if existing:
        raise WouldOverwrite(existing)
    for path, text in zip(paths, FILES.values(), strict=True):
        write_atomically(path, text)
    return paths
