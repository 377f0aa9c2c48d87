"""planaudit: check the targets of annual work plans against the figures of work summaries."""

from ._version import __version__
from .api import audit, explain
from .exceptions import PlanauditError
from .result import AuditResult, Reason, TargetResult, Verdict

__all__ = ["AuditResult", "PlanauditError", "Reason", "TargetResult", "Verdict", "__version__", "audit", "explain"]
