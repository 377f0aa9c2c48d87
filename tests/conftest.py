"""Test-wide setup: planaudit's cache and its signing key live in a temporary directory, never in
the source tree or the real home directory."""

import os
import tempfile

_CACHE_HOME = tempfile.mkdtemp(prefix="planaudit-test-cache-")
os.environ["XDG_CACHE_HOME"] = _CACHE_HOME
os.environ["PLANAUDIT_CACHE_DIR"] = os.path.join(_CACHE_HOME, "parses")
