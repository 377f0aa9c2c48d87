"""`planaudit progress --format github`: for a workflow's log — an annotation at the line of each
target whose latest status is behind, regressing or breached (a warning) or missed (an error), at
most ten of a level and then one that counts the rest; the roll-up; and each jurisdiction's
targets, year by year, in a folded group. Every text from the data is escaped for a workflow
command, or kept from being read as one."""

from __future__ import annotations

from planaudit.messages import msg
from planaudit.model.period import ProgressResult, Status, TargetProgress
from planaudit.read.text import printable
from planaudit.report.base import ProgressReporter
from planaudit.report.problems import escape_data, workflow_command
from planaudit.report.progress import STATUSES, rollup_text, status_text
from planaudit.report.workflow import plain_text

LEVELS = {Status.MISSED: "error", Status.BEHIND: "warning", Status.REGRESSING: "warning", Status.BREACHED: "warning"}
SHOWN = 10  # annotations of one level that GitHub shows per step


class ProgressGithubReporter(ProgressReporter):

    def jurisdiction(self, result: ProgressResult) -> None:
        lines = [line for level in ("error", "warning") for line in self._capped(result, level)]
        lines.append(plain_text(printable(rollup_text(result, self.lang))))
        for slug, name in result.names.items():
            lines.append(f"::group::{escape_data(f'{name} ({slug})')}")
            lines += [plain_text(printable(self._log_line(item))) for item in result.targets if item.target.jurisdiction == slug]
            lines.append("::endgroup::")
        self.out.write("".join(line + "\n" for line in lines))

    def _capped(self, result: ProgressResult, level: str) -> list[str]:
        found = [item for item in result.targets if item.latest is not None and LEVELS.get(item.latest.status) == level]
        lines = [self._annotation(item, level) for item in found[:SHOWN]]
        if len(found) > SHOWN:
            lines.append(workflow_command(level, None, None, msg("progress").render(self.lang),
                                          msg("and {count} more ({level}): see the whole report",
                                              count=len(found) - SHOWN, level=level).render(self.lang)))
        return lines

    def _annotation(self, item: TargetProgress, level: str) -> str:
        target, latest = item.target, item.latest
        assert latest is not None
        years = "; ".join(f"{year.year}: {status_text(year, self.lang)}" for year in item.years)
        return workflow_command(level, self.in_repository(target.location.path), target.location.line,
                                f"{STATUSES[self.lang][latest.status]}: {target.jurisdiction}/{target.id}",
                                f"{target.title} — {years}")

    def _log_line(self, item: TargetProgress) -> str:
        years = "; ".join(f"{year.year}: {status_text(year, self.lang)}" for year in item.years)
        return f"{item.target.id} {item.target.title}: {years}"
