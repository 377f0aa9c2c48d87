"""The installed version of planaudit (kept apart so that every module can import it)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("planaudit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"
