"""Property: whatever a valid data repository is mutated into, planaudit answers with its own
problems or verdicts — no other exception ever escapes — and check refuses exactly what validate finds."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planaudit import api
from planaudit.errors import InvalidData
from planaudit.model.problems import Code, errors

EXAMPLE = Path(__file__).parent / "examples" / "basic"
FILES = sorted(path.relative_to(EXAMPLE).as_posix() for path in EXAMPLE.rglob("*.yaml"))
YAML_NOISE = st.text(alphabet=list(":-[]{}&*!|>'\"%@`#,?~\n\t .0123456789eEyesnoNULL_x%中\\\x00\x1b"), max_size=12)


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    """One file of the example repository, changed in one of several ways."""
    name = draw(st.sampled_from(FILES))
    text = (EXAMPLE / name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    kind = draw(st.sampled_from(["replace", "insert", "delete-line", "duplicate-line", "swap-lines", "indent"]))
    if kind in ("replace", "insert"):
        start = draw(st.integers(0, len(text)))
        end = start + (draw(st.integers(0, 10)) if kind == "replace" else 0)
        return name, text[:start] + draw(YAML_NOISE) + text[end:]
    index = draw(st.integers(0, len(lines) - 1))
    if kind == "delete-line":
        del lines[index]
    elif kind == "duplicate-line":
        lines.insert(index, lines[index])
    elif kind == "swap-lines":
        other = draw(st.integers(0, len(lines) - 1))
        lines[index], lines[other] = lines[other], lines[index]
    else:
        lines[index] = draw(st.sampled_from(["  ", "    ", "\t", "- "])) + lines[index]
    return name, "".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_mutated_repository_gives_only_planaudit_errors(mutation):
    name, text = mutation
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory) / "data"
        shutil.copytree(EXAMPLE, root)
        (root / name).write_text(text, encoding="utf-8", errors="surrogateescape")
        problems = api.validate(root)
        assert all(problem.line >= 1 and problem.col >= 1 for problem in problems)
        # check reads the same files as validate here, so it refuses exactly what validate finds.
        # (check never looks for unused figures, nor for yes/no figures that need a note: that needs
        # every year's plans.)
        found_by_check = [problem for problem in problems
                          if problem.code not in (Code.UNUSED_FIGURE, Code.JUDGED_WITHOUT_NOTE)]
        try:
            api.audit(root, 2022)
        except InvalidData as error:
            assert list(error.problems) == found_by_check and errors(problems)
        else:
            assert errors(problems) == []


KINDS = {"targets": "target", "outcomes": "outcome", "rules": "rules"}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_the_two_schema_validators_agree_on_every_mutated_file(mutation):
    """jsonschema-rs answers yes or no quickly and jsonschema says why: they must never disagree."""
    from planaudit.read.structure import check_structure, exact_validator, matches_schema
    from planaudit.read.yamlsource import parse_text
    from planaudit.schemas import Kind

    name, text = mutation
    document = parse_text(text, name)
    if document.root is None:
        return
    kind = Kind(KINDS[name.split("/")[0]])
    instance = check_structure(document, kind).instance
    assert matches_schema(kind, instance) == exact_validator(kind).is_valid(instance)
