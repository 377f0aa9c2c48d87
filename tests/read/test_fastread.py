"""The quick reader reads a file exactly as the exact reader does, or refuses it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from planaudit.read import fastread, load
from planaudit.read.load import read_data_file, read_exactly
from planaudit.schemas import Kind
from support import generate

ROOT = Path(__file__).parent.parent.parent
EXAMPLES = ROOT / "tests" / "examples"


def data_files(root: Path) -> list[Path]:
    return sorted([*root.glob("targets/*/*.yaml"), *root.glob("outcomes/*/*.yaml")])


def quick(raw: bytes, kind: str) -> fastread.QuickRead | None:
    if kind == "targets":
        return fastread.read(raw, Kind.TARGET, "targets", "directions")
    return fastread.read(raw, Kind.OUTCOME, "figures")


def both_readings(raw: bytes, kind: str = "targets", year: int = 2022, jurisdiction: str = "testville"):
    display = f"{kind}/{year}/{jurisdiction}.yaml"
    return (read_data_file(raw, display, kind, year, jurisdiction),
            read_exactly(raw, display, kind, year, jurisdiction, None))


def assert_same_reading(raw: bytes, kind: str, year: int, jurisdiction: str) -> None:
    read, exact = both_readings(raw, kind, year, jurisdiction)
    assert read == exact
    entries = exact.item.targets if kind == "targets" else exact.item.figures
    assert [entry.location for entry in (read.item.targets if kind == "targets" else read.item.figures)] == [
        entry.location for entry in entries]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("generated")
    return generate(root, 12)


def test_every_bundled_example_and_generated_file_is_read_quickly_and_alike(generated):
    files = [*data_files(ROOT), *data_files(EXAMPLES / "basic"), *data_files(generated)]
    assert len(files) > 36
    for file in files:
        kind, year, jurisdiction = file.parent.parent.name, int(file.parent.name), file.stem
        raw = file.read_bytes()
        assert quick(raw, kind) is not None, file
        assert_same_reading(raw, kind, year, jurisdiction)


def test_invalid_example_files_are_refused_andread_exactly():
    for file in data_files(EXAMPLES / "invalid"):
        kind, year, jurisdiction = file.parent.parent.name, int(file.parent.name), file.stem
        read, exact = both_readings(file.read_bytes(), kind, year, jurisdiction)
        assert read == exact
        assert read.problems, file


HEADER = "jurisdiction: testville\nyear: 2022\ntargets:\n"
FLOW = "id: a, title: t, metric: m, rule: at_least, quote: q"
TARGET = "id: a\n    title: t\n    metric: legal_aid.cases\n    rule: at_least\n    quote: q\n"


def target_file(value: str, **fields: str) -> bytes:
    extra = "".join(f"    {key}: {text}\n" for key, text in fields.items())
    return (HEADER + f"  - {TARGET}    value: {value}\n{extra}").encode()


# Each of these is either refused by the quick reader, or read exactly as the exact reader does.
TRICKY = {
    "plain number": target_file("85"),
    "decimal": target_file("85.50"),
    "percent": target_file("85%"),
    "quoted number": target_file('"85"'),
    "leading dot": target_file(".5"),
    "plus sign": target_file("+5"),
    "exponent": target_file("1e3"),
    "octal-looking": target_file("010"),
    "underscore": target_file("1_000"),
    "minus zero": target_file("-0"),
    "too many digits": target_file("1" * 31),
    "tilde": target_file("85", scope="~"),
    "yes as text": target_file("85", scope="yes"),
    "quoted yes": target_file("85", scope='"yes"'),
    "true as text": target_file("85", scope="True"),
    "null scope": target_file("85", scope="null"),
    "empty quoted": target_file("85", scope='""'),
    "date deadline": target_file("85", deadline="2022-04-30"),
    "bad date": target_file("85", deadline="2022-02-30"),
    "anchor": target_file("&v 85"),
    "tag": target_file("!!str 85"),
    "block scalar": target_file("85", section="|\n      四（一）"),
    "multi-line quote": (HEADER + "  - id: a\n    title: t\n    metric: legal_aid.cases\n    rule: at_least\n"
                         "    quote: \"first\n      - second\"\n").encode(),
    "a dash line inside a quote": (HEADER + "  - id: a\n    title: t\n    metric: legal_aid.cases\n    rule: at_least\n"
                                   "    quote: \"first\n  - second\"\n").encode(),
    "two entries, the second flow": (HEADER + "  - " + TARGET + "  - {" + FLOW + "}\n").encode(),
    "repeated key": target_file("85", title="again"),
    "flow entry": (HEADER + "  - {id: a, title: t, metric: legal_aid.cases, rule: at_least, quote: q}\n").encode(),
    "flow list": (HEADER.replace("targets:\n", "") + f"targets: [{{{FLOW}}}]\n").encode(),
    "entry on the next line": (HEADER + "  -\n    " + TARGET).encode(),
    "comment after the dash": (HEADER + "  - # first\n    " + TARGET).encode(),
    "list at column one": (HEADER + "- id: a\n  title: t\n  metric: m\n  rule: at_least\n  quote: q\n"
                           "-   id: b\n    title: t\n    metric: m\n    rule: at_least\n    quote: q\n").encode(),
    "comments and blank lines": (HEADER + "  # a comment\n\n  - id: a  # trailing\n    title: t\n    metric: m\n"
                                 "    rule: at_least\n    quote: q\n").encode(),
    "year as decimal": target_file("85").replace(b"year: 2022", b"year: 2022.0"),
    "wrong year": target_file("85").replace(b"year: 2022", b"year: 2021"),
    "byte-order mark": b"\xef\xbb\xbf" + target_file("85"),
    "crlf": target_file("85").replace(b"\n", b"\r\n"),
    "tab": target_file("85").replace(b"title: t", b"title:\tt"),
    "not utf-8": target_file("85").replace(b"quote: q", b"quote: \xff"),
    "two documents": target_file("85") + b"---\na: 1\n",
    "empty": b"",
    "a list at the root": b"- a\n- b\n",
    "bad yaml": b"a: b: c\n",
    "trailing dot": target_file("90."),
    "signed trailing dot": target_file("-90."),
    "closer as a value": target_file("85", scope="]"),
    "closer after spaces": target_file("85", scope="  }"),
    "reserved indicator": target_file("85", scope="@x"),
}


# The tricky files whose reading the quick reader gives; every other one is answered by the exact reader.
ANSWERED_QUICKLY = frozenset({"plain number", "decimal", "percent", "minus zero", "date deadline", "multi-line quote",
                              "flow entry", "list at column one", "comments and blank lines", "year as decimal"})


@pytest.mark.parametrize("name", TRICKY)
def test_each_tricky_file_is_answered_by_the_reader_it_expects(name, capfd, monkeypatch):
    """Either the quick reader answers, and its reading is the exact reader's to the letter; or
    the exact reader answers. Each case says which, so no case compares a reader with itself."""
    display = "targets/2022/testville.yaml"
    exact_readings = []
    reading_exactly = load.read_exactly
    monkeypatch.setattr(load, "read_exactly", lambda *job: exact_readings.append(job) or reading_exactly(*job))
    read = read_data_file(TRICKY[name], display, "targets", 2022, "testville")
    assert ("exact" if exact_readings else "quick") == ("quick" if name in ANSWERED_QUICKLY else "exact")
    if name in ANSWERED_QUICKLY:
        exact = reading_exactly(TRICKY[name], display, "targets", 2022, "testville", None)
        assert read == exact and not exact.problems
        assert [target.location for target in read.item.targets] == [target.location for target in exact.item.targets]
    assert capfd.readouterr() == ("", "")  # rapidyaml's own error messages never reach the terminal


@pytest.mark.parametrize("name", ["anchor", "tag", "block scalar", "quoted number", "leading dot", "exponent",
                                  "tilde", "yes as text", "quoted yes", "repeated key",
                                  "entry on the next line", "comment after the dash", "byte-order mark", "crlf",
                                  "too many digits", "bad date", "empty", "trailing dot", "signed trailing dot",
                                  "closer as a value", "closer after spaces", "reserved indicator"])
def test_what_the_quick_reader_cannot_vouch_for_it_refuses(name):
    assert quick(TRICKY[name], "targets") is None


def test_entry_positions_are_the_exact_readers():
    read = quick(TRICKY["list at column one"], "targets")
    assert read is not None and read.entries == [(4, 3), (9, 5)]


def test_a_file_larger_than_the_output_buffer_is_read_whole(monkeypatch):
    raw = (ROOT / "outcomes" / "2022" / "fuzhou.yaml").read_bytes()
    expected = quick(raw, "outcomes")
    monkeypatch.setattr(fastread, "output_buffer", bytearray(16))
    assert quick(raw, "outcomes") == expected is not None
    assert len(fastread.output_buffer) >= len(raw)


@pytest.mark.long  # a scale run: CI runs it (pytest -m long)
@pytest.mark.process  # a fresh process's memory
def test_reading_many_files_does_not_grow_memory():
    """rapidyaml's emit_json_malloc leaks what it allocates: a national audit grew by gigabytes."""
    script = f"""
import resource, sys
sys.path.insert(0, {str(Path(fastread.__file__).parent.parent.parent)!r})
from planaudit.read import fastread, load
from planaudit.schemas import Kind
raw = open({str(ROOT / "outcomes" / "2022" / "fuzhou.yaml")!r}, "rb").read()
def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // (1024 if sys.platform == 'darwin' else 1)  # kB
for _ in range(200): fastread.read(raw, Kind.OUTCOME, "figures")
before = peak()
for _ in range(3000): fastread.read(raw, Kind.OUTCOME, "figures")
print(peak() - before)
"""
    grown_kb = int(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    assert grown_kb < 2000  # the leak made it about 3000 × the JSON text: 20 MB and more


def test_a_plan_s_directions_are_located_quickly_before_or_after_its_targets():
    directions = "directions:\n  - {quote: 持续深化普法}\n  - quote: 加强队伍建设\n    section: 二（一）\n"
    for raw in [(HEADER + f"  - {TARGET}" + directions).encode(),
                ("jurisdiction: testville\nyear: 2022\n" + directions + f"targets:\n  - {TARGET}").encode()]:
        found = quick(raw, "targets")
        assert found is not None and len(found.others["directions"]) == 2
        assert_same_reading(raw, "targets", 2022, "testville")
        read, _ = both_readings(raw)
        assert [(passage.quote, passage.location.line) for passage in read.item.directions] == [
            ("持续深化普法", raw.decode().splitlines().index("  - {quote: 持续深化普法}") + 1),
            ("加强队伍建设", raw.decode().splitlines().index("  - quote: 加强队伍建设") + 1)]


def test_a_top_level_key_the_quick_reader_cannot_find_on_its_line_sends_the_plan_to_the_exact_reader():
    raw = (HEADER + f"  - {TARGET}" + '"directions":\n  - {quote: 持续深化普法}\n').encode()  # a quoted key
    assert quick(raw, "targets") is None
    read, exact = both_readings(raw)
    assert read == exact and read.item.directions[0].location.line == 10


@pytest.mark.parametrize("key", ["targets", "directions"])
def test_a_flow_list_is_read_exactly_where_a_quoted_line_could_pass_for_an_entry(key):
    flow = "[{quote: '持续加强党的建设\n  - 队伍'}]"
    raw = (f"jurisdiction: testville\nyear: 2022\ntargets: [{{{FLOW}}}]\ndirections: {flow}\n" if key == "directions"
           else "jurisdiction: testville\nyear: 2022\ntargets: [{" + FLOW.replace("quote: q", "quote: '受理\n  - 300件'")
           + "}]\n").encode()
    assert quick(raw, "targets") is None
    read, exact = both_readings(raw)
    assert read == exact
