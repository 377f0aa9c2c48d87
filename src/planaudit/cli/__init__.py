"""The command line: a thin typer layer (app.py) over the library, the run memo (memo.py) and the
exit status (failon.py)."""

from planaudit.cli.app import main

__all__ = ["main"]
