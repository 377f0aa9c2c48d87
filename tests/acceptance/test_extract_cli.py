"""Acceptance: `planaudit extract` drafts files that validate, writes atomically, never clobbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from acceptance_support import EXAMPLES, Run, assert_matches, planaudit

DOCUMENTS = EXAMPLES / "documents"
RULES = "metrics:\n  cases: {label: Cases, unit: case}\n"


def extract(*args: str) -> Run:
    return planaudit("extract", *args, data=None)


@pytest.mark.parametrize(("document", "golden"), [("plan.txt", "extract-plan.yaml"), ("report.txt", "extract-report.yaml")])
def test_extract_prints_the_draft(document, golden):
    run = extract(str(DOCUMENTS / document))
    assert (run.returncode, run.stderr) == (0, "")
    assert_matches(golden, run.stdout)


@pytest.mark.parametrize(("document", "kind", "count"), [("plan.txt", "targets", 5), ("report.txt", "outcomes", 7)])
def test_a_draft_validates_except_for_its_unassigned_metrics(tmp_path, document, kind, count):
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "metrics.yaml").write_text(RULES, encoding="utf-8")
    output = tmp_path / kind / "2022" / "testville.yaml"
    run = extract(str(DOCUMENTS / document), "-o", str(output))
    assert (run.returncode, run.stdout, run.stderr) == (0, "", "")
    assert "jurisdiction: testville\n" in output.read_text(encoding="utf-8")  # named after the output file
    validated = planaudit("validate", "--data", str(tmp_path), data=None)
    lines = validated.stdout.splitlines()
    assert validated.returncode == 1
    assert len(lines) == count + 1 and lines[-1] == f"{count} errors found"
    assert all(line.startswith(f"{kind}/2022/testville.yaml:") and " unassigned-metric metric not yet assigned: "
               "replace TODO with a metric id from rules/" in line for line in lines[:-1])


def test_an_existing_file_is_replaced_only_with_force(tmp_path):
    output = tmp_path / "fuzhou.yaml"
    output.write_text("mine\n", encoding="utf-8")
    refused = extract(str(DOCUMENTS / "plan.txt"), "-o", str(output))
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == f"planaudit: error: {output} exists; pass --force to replace it\n"
    assert output.read_text(encoding="utf-8") == "mine\n"
    assert list(tmp_path.iterdir()) == [output]  # no temporary file left behind
    forced = extract(str(DOCUMENTS / "plan.txt"), "-o", str(output), "--force")
    assert forced.returncode == 0
    assert output.read_text(encoding="utf-8").count("\n    metric: TODO\n") == 5


@pytest.mark.parametrize(("content", "args", "message"), [
    (None, (), "{path}:1:1: cannot read the file: No such file or directory"),
    (b"\xe6\xb5\x8b\xe8\xaf\x95\n\xe6\xb5\x8b\xff\n", ("--kind", "plan"),
     "{path}:2:2: is not UTF-8 text (byte 0xff); save the file as UTF-8, or pass --encoding gb18030 for GBK or "
     "GB18030 text"),
    ("測試\n".encode("big5"), ("--kind", "plan", "--encoding", "utf-16-le-nope"),
     "{path}:1:1: unknown encoding 'utf-16-le-nope'"),
    ("同志们：今天召开2022年全市司法行政工作会议。\n".encode(), (),
     "{path}:1:1: cannot tell whether this is a plan or a report (no title such as 2022年工作要点 or 2022年工作总结); "
     "pass --kind plan or --kind report"),
    ("律师万人比要达到3.4。\n".encode(), ("--kind", "plan"),
     "{path}:1:1: cannot tell the year (no title such as 2022年工作要点); pass --year"),
])
def test_bad_input_is_a_located_error(tmp_path, content, args, message):
    path = tmp_path / "speech.txt"
    if content is not None:
        path.write_bytes(content)
    run = extract(str(path), *args)
    assert (run.returncode, run.stdout, run.stderr) == (2, "", message.format(path=path) + "\n")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "GB18030"])
def test_gbk_and_gb18030_documents_are_read_with_encoding(tmp_path, encoding):
    encoded = tmp_path / "plan.txt"
    encoded.write_bytes((DOCUMENTS / "plan.txt").read_text(encoding="utf-8").encode(encoding))
    as_utf8 = extract(str(DOCUMENTS / "plan.txt"), "-j", "plan")
    run = extract(str(encoded), "--encoding", encoding, "-j", "plan")
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.replace(str(encoded), "X") == as_utf8.stdout.replace(str(DOCUMENTS / "plan.txt"), "X")


def test_options_override_the_guesses(tmp_path):
    path = tmp_path / "Speech 2022.txt"
    path.write_text("同志们：今年要确保行政败诉率控制在8%以内。\n", encoding="utf-8")
    run = extract(str(path), "--kind", "plan", "--year", "2023", "-j", "quzhou")
    assert run.returncode == 0
    assert run.stdout.splitlines()[3:5] == ["jurisdiction: quzhou", "year: 2023"]
    default = extract(str(path), "--kind", "plan", "--year", "2023")
    assert default.stdout.splitlines()[3] == "jurisdiction: speech-2022"


def test_a_jurisdiction_must_be_a_slug():
    run = extract(str(DOCUMENTS / "plan.txt"), "-j", "Fuzhou City")
    assert (run.returncode, run.stderr) == (
        2, "planaudit: error: jurisdiction 'Fuzhou City' is not a slug (lower-case letters, digits, - and _)\n")


def test_extract_help_lists_its_options():
    run = planaudit("extract", "--help", data=None)
    for option in ("--kind", "--year", "--jurisdiction", "--output", "--force", "--encoding"):
        assert option in run.stdout
    assert Path(DOCUMENTS).is_dir()
