"""The table reporter: titles shown literally, colour only when asked for."""

from planaudit.read.text import printable
from planaudit.report import reporter_class
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
    output = reporter_class("table")("en").render(result)
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "[red]红色[/red] [link=https://example.com]点我[/link]" in output
    assert "\\x1b[31m变红\\x1b[0m\\x1b]8;;https://evil.example\\x07链接" in output
    assert "换行\\n标题 | 管道 \\u202e反转" in output
    assert "[bold]县[/bold] (testville)" in output


def test_colour_only_when_asked(tmp_path):
    result = hostile_result(tmp_path)
    assert "\x1b[" in reporter_class("table")("en", color=True).render(result)
    plain = reporter_class("table")("en").render(result)
    assert "\x1b" not in plain


def test_printable_keeps_chinese_and_full_width_space():
    assert printable("医患纠纷\u3000调解") == "医患纠纷\u3000调解"
    assert printable("a\tb") == "a\\tb"


LONG_TITLES = [
    "推动市、县两级政府普遍设立公职律师比例达80%以上，各县（市）区所辖律师事务所设立律师调解工作室占比应达10%",
    "加快建设涵盖远程申请、在线办案、网络协作、数据化质量监控为一体的“智慧法援”信息化平台，推进法律援助申请全域通办",
    "短标题",
]


def test_at_80_columns_each_target_is_three_lines_with_its_verdict_on_the_first(tmp_path):
    from rich.cells import cell_len

    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("\n".join(f"- {{id: t{i}, title: {title}, metric: cases, rule: at_least, value: 1, quote: q}}"
                              for i, title in enumerate(LONG_TITLES)))
    builder.outcomes("- {metric: cases, value: 5, quote: q}")
    output = reporter_class("table")("zh", width=80).render(builder.audit())
    lines = output.splitlines()
    assert all(cell_len(line) <= 80 for line in lines)
    table = lines[3:lines.index("", 3 + 3 * len(LONG_TITLES) - 1)]
    rows = [table[start:start + 3] for start in range(0, len(table), 4)]
    assert len(rows) == len(LONG_TITLES) and all(table[start - 1] == "" for start in range(4, len(table), 4))
    for number, (row, title) in enumerate(zip(rows, LONG_TITLES, strict=True)):
        assert row[0].startswith(f"{number + 1}   {title[:10]}") and row[0].endswith("达标 (数据比对)")
        assert row[1].strip() == "≥ 1 · 5"
        assert row[2].strip() == f"t{number}，第{4 + number}行 · 工作总结载明"
