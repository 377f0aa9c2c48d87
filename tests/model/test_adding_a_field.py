"""docs/architecture.md, "Adding a field", followed at run time.

A target field `commitment` (how firmly the plan commits: 确保, 力争) is added in the places the
recipe names, and nowhere else: (1) the schema, (2) the model's type, (3) read/build.py's
``read_target``, (4) the one consumer — here the JSON report's ``target_data`` —, (5)
tests/generated.py's ``EMITTED`` and strategy. Each step is done here the way the recipe says,
as a patch in a fresh process (before anything reads the schema); then the real `planaudit check`
reads the field from a file, carries it through the judge (and the cache, and the reporter), and
shows it. If the recipe stops being true — a second place that builds a Target, a schema read
from somewhere else, a result that drops what it does not know — this fails.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import generated
from planaudit.schemas import Kind
from support import COUNT_METRICS, RepoBuilder

COMMITMENT = {"enum": ["确保", "力争"], "description": "how firmly the plan commits to the target"}

RECIPE = textwrap.dedent("""
    import dataclasses, json, runpy, sys

    from planaudit import schemas
    from planaudit.model import data

    STEPS = set(sys.argv[1].split(","))
    COMMITMENT = json.loads(sys.argv[2])

    # 1. the schema: the property, in the target definition of target.schema.json
    if "schema" in STEPS:
        schema_text = schemas.schema_text

        def with_commitment(kind):
            schema = json.loads(schema_text(kind))
            if kind is schemas.Kind.TARGET:
                schema["$defs"]["target"]["properties"]["commitment"] = COMMITMENT
            return json.dumps(schema, ensure_ascii=False)

        schemas.schema_text = with_commitment

    # 2. the model: an optional field of the type it belongs to (a Target's own, here)
    @dataclasses.dataclass(frozen=True, slots=True)
    class Target(data.Target):
        commitment: str | None = None

    Target.__module__ = data.__name__  # as if written in model/data.py: what pickles and caches know it by

    if "model" in STEPS:
        data.Target = Target

    # 3. read/build.py: read_target passes it by keyword
    from planaudit.read import build

    if "build" in STEPS:
        read_target = build.read_target

        def read_committed(entry, *where):
            return dataclasses.replace(read_target(entry, *where), commitment=entry.get("commitment"))

        build.read_target = read_committed

    # 4. the one consumer: the JSON report shows it
    from planaudit.report import json_report

    if "consumer" in STEPS:
        target_data = json_report.target_data
        json_report.target_data = lambda item, lang, folder="": {**target_data(item, lang, folder),
                                                                 "commitment": getattr(item.target, "commitment", None)}

    sys.argv = ["planaudit", "check", "2022", "--format", "json"]
    runpy.run_module("planaudit", run_name="__main__")
""")

ALL_STEPS = ("schema", "model", "build", "consumer")


def check_with(tmp_path, steps: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    root = tmp_path / "data"
    RepoBuilder(root).rules(COUNT_METRICS).targets(
        "- {id: cases, title: 受理案件, metric: cases, rule: at_least, value: 300, commitment: 确保, quote: 确保受理300件}"
    ).outcomes("- {metric: cases, value: 310, quote: 受理310件}")
    return subprocess.run([sys.executable, "-c", RECIPE, ",".join(steps), json.dumps(COMMITMENT, ensure_ascii=False)],
                          cwd=root, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False)


@pytest.mark.process  # the recipe followed in a fresh process
def test_a_field_added_as_the_recipe_says_is_read_carried_and_shown(tmp_path):
    run = check_with(tmp_path, ALL_STEPS)
    assert run.returncode == 0, run.stderr
    (result,) = json.loads(run.stdout)["results"]
    assert (result["id"], result["verdict"], result["commitment"]) == ("cases", "met", "确保")


@pytest.mark.long  # four more fresh processes: CI runs them (pytest -m long)
@pytest.mark.process
@pytest.mark.parametrize("left_out", ALL_STEPS)
def test_no_step_of_the_recipe_can_be_left_out(tmp_path, left_out):
    run = check_with(tmp_path, tuple(step for step in ALL_STEPS if step != left_out))
    if left_out == "schema":  # the file is refused: the schema does not allow the field
        assert run.returncode == 2 and "schema unknown key 'commitment'" in run.stderr
        assert json.loads(run.stdout)["not_judged"] == ["testville"]
        return
    if left_out == "model":  # the Target has no such field to carry it
        assert run.returncode != 0 and "commitment" in run.stderr
        return
    assert run.returncode == 0, run.stderr
    (result,) = json.loads(run.stdout)["results"]
    assert result.get("commitment") is None  # read but never shown, or shown but never read


def test_step_5_the_generated_repositories_must_emit_the_new_field(monkeypatch):
    """tests/test_generated_repositories.py holds EMITTED to every property of every schema: with the
    field in the schema, the target's place lacks exactly it, until EMITTED and the strategy name it."""
    schema = generated.schema

    def with_commitment(kind: Kind) -> dict[str, object]:
        found = json.loads(json.dumps(schema(kind)))
        if kind is Kind.TARGET:
            found["$defs"]["target"]["properties"]["commitment"] = COMMITMENT
        return found  # type: ignore[no-any-return]

    monkeypatch.setattr(generated, "schema", with_commitment)
    properties = generated.schema_properties()
    assert properties["target"] - generated.EMITTED["target"] == {"commitment"}
    assert {place: names for place, names in properties.items() if place != "target"} == \
        {place: names for place, names in generated.EMITTED.items() if place != "target"}
