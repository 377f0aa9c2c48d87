"""bench/instructions.py counts what a worker does for each jurisdiction. The counting needs valgrind
and is not run here; what it counts must run against the library as it is, and its arithmetic —
each stage's instructions per jurisdiction, start-up cancelled out — must be right."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from support import generate

INSTRUCTIONS = Path(__file__).parent.parent / "bench" / "instructions.py"


def instructions_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_instructions", INSTRUCTIONS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("stage", ["read", "judge", "all"])
def test_the_counted_work_runs_against_this_library(tmp_path, monkeypatch, stage):
    generate(tmp_path, 3)
    counted = instructions_module()
    monkeypatch.setattr(sys, "argv", ["-c", str(tmp_path), "3", stage])
    exec(compile(counted.WORK, "<work>", "exec"), {"__name__": "__main__"})  # raises if the API it drives moved


def test_the_bare_load_runs(tmp_path, monkeypatch):
    generate(tmp_path, 3)
    monkeypatch.setattr(sys, "argv", ["-c", str(tmp_path), "3"])
    exec(compile(instructions_module().BARE, "<bare>", "exec"), {"__name__": "__main__"})


def test_each_stage_is_counted_per_jurisdiction_with_start_up_cancelled(monkeypatch):
    counted = instructions_module()
    per_jurisdiction = {"read": 10_000, "judge": 16_000, "all": 18_500}  # cumulative, as the runs are

    def fake(script: str, arguments: list[str], source: Path | None) -> int:
        jurisdictions, stage = int(arguments[1]), arguments[2]
        return 7_000_000 + jurisdictions * per_jurisdiction[stage]  # start-up, then the work

    monkeypatch.setattr(counted, "instructions", fake)
    assert counted.stages(Path("data"), None, 12) == {"read": 10_000, "judge": 6_000, "piece": 2_500, "in all": 18_500}
