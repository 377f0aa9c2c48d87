"""Hostile input: every command ends with a clean message and its documented exit code —
never a traceback, never a hang, never code run from data."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from acceptance_support import planaudit
from planaudit.cli.app import app
from support import COUNT_METRICS, RepoBuilder

VALID_TARGET = "- {id: a, title: 案件10件以上, metric: cases, rule: at_least, value: 10, quote: q}"


def run(root: Path, *args: str):
    result = CliRunner().invoke(app, [*args, "--data", str(root)], env={"LANG": "C.UTF-8", "NO_COLOR": "1"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def repository(tmp_path: Path, file: str = "", content: bytes = b"", derive: str | None = None) -> Path:
    rules = COUNT_METRICS if derive is None else COUNT_METRICS + f"  evil:\n    unit: case\n    derive: {derive}\n"
    builder = RepoBuilder(tmp_path).rules(rules).targets(VALID_TARGET)
    builder.outcomes("- {metric: cases, value: 12, quote: q}")
    if file:
        path = tmp_path / file
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return tmp_path


def header(body: str) -> bytes:
    return f"jurisdiction: hostile\nyear: 2022\n{body}".encode()


HOSTILE_FILES = {
    "alias-bomb": header("a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n"
                         + "".join(f"d{i}: &d{i} [*c, *c, *c]\n" for i in range(40)) + "targets: []\n"),
    "python-tag": header('targets: !!python/object/apply:os.system ["touch {pwned}"]\n'),
    "python-name-tag": header("name: !!python/name:os.system\ntargets: []\n"),
    "deep-nesting": header("targets: " + "[" * 200_000 + "]" * 200_000 + "\n"),
    "deep-block-nesting": header("targets:\n" + "- " * 100_000 + "x\n"),
    "huge-number": header("targets:\n  - {id: a, title: t, metric: cases, rule: at_least, value: "
                          + "9" * 50_000 + ", quote: q}\n"),
    "huge-decimal": header("targets:\n  - {id: a, title: t, metric: cases, rule: at_least, value: 0."
                           + "1" * 50_000 + ", quote: q}\n"),
    "empty": b"",
    "only-whitespace": b"\n\n   \n",
    "a-list": b"- 1\n- 2\n",
    "a-scalar": b"just words\n",
    "gbk": "jurisdiction: hostile\nyear: 2022\nname: 福州市\ntargets: []\n".encode("gbk"),
    "binary": bytes(range(256)) * 4,
    "several-documents": header("targets: []\n---\nmore: 1\n"),
    "merge-key": header("base: {a: 1}\ntargets: []\n<<: {b: 2}\n"),
}


@pytest.mark.parametrize("case", list(HOSTILE_FILES))
def test_hostile_file(tmp_path, case):
    pwned = tmp_path / "pwned"
    content = HOSTILE_FILES[case].replace(b"{pwned}", str(pwned).encode())
    root = repository(tmp_path, "targets/2022/hostile.yaml", content)
    checked = run(root, "check", "2022")
    assert checked.exit_code == 2 and "targets/2022/hostile.yaml:" in checked.output
    validated = run(root, "validate")
    assert validated.exit_code == 1 and "targets/2022/hostile.yaml:" in validated.stdout
    assert not pwned.exists()


@pytest.mark.parametrize(
    "expression",
    ["__import__('os').system('touch pwned')", "cases.__class__", "open('/etc/passwd')", "lambda: 1",
     "cases[0]", "2 ** 100000", "cases ** cases", "9" * 50_000, "(" * 10_000 + "1" + ")" * 10_000,
     "-" * 900 + "1", "eval('1')", "cases if cases else 1", "f'{cases}'"],
)
def test_hostile_expression(tmp_path, expression):
    root = repository(tmp_path, derive=f'"{expression}"' if "'" not in expression else f"\"{expression}\"")
    checked = run(root, "check", "2022")
    assert checked.exit_code == 2 and "rules/metrics.yaml:" in checked.output
    assert run(root, "validate").exit_code == 1
    assert not (tmp_path / "pwned").exists()


HOSTILE_TITLES = {
    "rich-markup": "[red]红[/red][link=https://evil.example]点我[/link][bold blink]闪",
    "terminal-escapes": "\x1b[2J\x1b[31m清屏\x1b]0;title\x07\x1b]8;;https://evil.example\x1b\\链接",
    "markdown-pipes-and-newlines": "a | b | c\n## heading\r\nrow",
    "bidi-override": "\u202e反转\u202c正常",
}


@pytest.mark.parametrize("case", list(HOSTILE_TITLES))
def test_hostile_titles_are_shown_literally(tmp_path, case):
    title = HOSTILE_TITLES[case]
    escaped = title.encode("unicode_escape").decode("ascii")
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.write("targets/2022/testville.yaml",
                  f'jurisdiction: testville\nyear: 2022\ntargets:\n  - {{id: a, title: "{escaped}", metric: cases, '
                  f'rule: at_least, value: 10, quote: "{escaped} 10"}}\n')  # hostile, stating its value
    builder.outcomes("- {metric: cases, value: 12, quote: q}")
    for args in (("check", "2022"), ("explain", "2022", "testville", "a")):
        result = run(tmp_path, *args)
        assert result.exit_code == 0
        assert not any(ch in result.stdout for ch in "\x1b\x07\r\u202e\u202c")
        shown = title.replace("\x1b", "\\x1b").replace("\x07", "\\x07").replace("\n", "\\n").replace("\r", "\\r")
        shown = shown.replace("\u202e", "\\u202e").replace("\u202c", "\\u202c")
        assert shown in result.stdout.replace("\n", "") or shown in result.stdout


def test_no_traceback_from_the_command(tmp_path):
    root = repository(tmp_path, "targets/2022/hostile.yaml", HOSTILE_FILES["deep-nesting"])
    for args in (("check", "2022"), ("validate",), ("explain", "2022", "hostile", "a")):
        completed = planaudit(*args, "--data", str(root), data=None)
        assert completed.returncode in (1, 2) and "Traceback" not in completed.stderr + completed.stdout
