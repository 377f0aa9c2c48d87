"""planaudit: check the targets of annual work plans against the figures of work summaries."""

from importlib.metadata import PackageNotFoundError, version

from .api import audit, explain
from .exceptions import PlanauditError
from .result import AuditResult, Reason, TargetResult, Verdict

try:
    __version__ = version("planaudit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = ["AuditResult", "PlanauditError", "Reason", "TargetResult", "Verdict", "__version__", "audit", "explain"]
