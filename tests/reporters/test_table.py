"""The table reporter: titles shown literally, colour only when asked for."""

from planaudit.reporters import REPORTERS
from planaudit.text import printable
from support import COUNT_METRICS, RepoBuilder

HOSTILE = [
    "[red]红色[/red] [link=https://example.com]点我[/link]",
    "\x1b[31m变红\x1b[0m\x1b]8;;https://evil.example\x07链接",
    "换行\n标题 | 管道 \u202e反转",
]


def hostile_result(tmp_path):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    entries = "\n".join(f"- {{id: h{i}, title: {title!r}, metric: cases, rule: at_least, value: 1, quote: q}}"
                        .replace("'", '"') for i, title in enumerate(HOSTILE))
    builder.write("targets/2022/testville.yaml",
                  "jurisdiction: testville\nname: '[bold]县[/bold]'\nyear: 2022\ntargets:\n"
                  + "\n".join("  " + line for line in entries.splitlines()) + "\n")
    builder.outcomes("- {metric: cases, value: 5, quote: q}")
    return builder.audit()


def test_hostile_titles_are_shown_literally(tmp_path):
    result = hostile_result(tmp_path)
    assert [item.target.title for item in result.results] == HOSTILE
    output = REPORTERS["table"]("en").render(result)
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "[red]红色[/red] [link=https://example.com]点我[/link]" in output
    assert "\\x1b[31m变红\\x1b[0m\\x1b]8;;https://evil.example\\x07链接" in output
    assert "换行\\n标题 | 管道 \\u202e反转" in output
    assert "[bold]县[/bold] (testville)" in output


def test_colour_only_when_asked(tmp_path):
    result = hostile_result(tmp_path)
    assert "\x1b[" in REPORTERS["table"]("en", color=True).render(result)
    plain = REPORTERS["table"]("en").render(result)
    assert "\x1b" not in plain


def test_printable_keeps_chinese_and_full_width_space():
    assert printable("医患纠纷\u3000调解") == "医患纠纷\u3000调解"
    assert printable("a\tb") == "a\\tb"
