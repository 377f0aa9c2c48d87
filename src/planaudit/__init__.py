"""planaudit: check the targets of annual work plans against the figures of work summaries.

The public names are imported on first use, so that starting the command line stays quick.
"""

from __future__ import annotations

import importlib
from typing import Any

from planaudit._version import __version__

_PUBLIC = {
    "audit": "api", "explain": "api", "PlanauditError": "errors",
    "AuditResult": "model.result", "Grounds": "model.result",
    "Reason": "model.result", "TargetResult": "model.result", "Verdict": "model.result",
}

__all__ = ["AuditResult", "Grounds", "PlanauditError", "Reason", "TargetResult", "Verdict", "__version__", "audit", "explain"]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module 'planaudit' has no attribute {name!r}")
