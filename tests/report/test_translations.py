"""One translation system: every message is a wording (the gettext msgid) and its parameters, put into
words from the catalogue of the run's language (planaudit/locale) — problems, errors, verdict
reasons, --help, and click's and typer's own words."""

from __future__ import annotations

import ast
import gettext
import importlib
import json
import os
import pkgutil
import re
from io import BytesIO
from pathlib import Path

import pytest
import typer.main
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from acceptance_support import PROGRAM, planaudit
from planaudit import errors, messages
from planaudit.cli.app import app
from planaudit.cli.words import TranslatedGroup, chosen_lang, help_texts
from planaudit.messages import msg, pmsg
from planaudit.model.changes import Change
from planaudit.model.problems import Code, Problem, found
from planaudit.model.result import Reason, Verdict
from planaudit.read.structure import described
from planaudit.report import i18n
from planaudit.report.changes import CHANGES, DIFF_WORDS
from planaudit.report.coverage import COVERAGE_WORDS
from planaudit.report.i18n import InLanguages
from planaudit.report.language import LANGUAGES
from planaudit.run.wire import Wire
from translated import untranslated

LOCALE = Path(messages.__file__).parent / "locale"
SOURCE = Path(messages.__file__).parent


def catalogue(domain: str, lang: str = "zh"):
    with open(LOCALE / lang / "LC_MESSAGES" / f"{domain}.po", "rb") as po:
        return read_po(po)


def translations(domain: str = "planaudit") -> dict[tuple[str | None, str], str]:
    return {(message.context, message.id): message.string for message in catalogue(domain) if message.id}


def extracted() -> set[tuple[str | None, str]]:
    """Every wording of planaudit's source, as `pybabel extract` (babel.cfg) finds it."""
    found_ids = extract_from_dir(str(SOURCE), method_map=[("**.py", "python")],
                                 keywords={"msg": None, "pmsg": ((1, "c"), 2)})
    return {(context, message) for _, _, message, _, context in found_ids}


def schema_descriptions() -> set[str]:
    seen: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            seen.update(text for key, text in value.items() if key == "description" and isinstance(text, str))
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for schema in (SOURCE / "schemas").glob("*.json"):
        walk(json.loads(schema.read_text(encoding="utf-8")))
    return seen


def word_tables() -> list[InLanguages]:
    """Every table of words of planaudit's modules (their English, translated through the catalogue)."""
    found: dict[int, InLanguages] = {}
    for module in pkgutil.walk_packages([str(SOURCE)], "planaudit."):
        if module.name != "planaudit.__main__":  # which runs the command line
            found.update((id(value), value) for value in vars(importlib.import_module(module.name)).values()
                         if isinstance(value, InLanguages))
    return list(found.values())


TABLES = word_tables()


def test_the_tables_of_words_are_all_found():
    assert {id(table) for table in (i18n.VERDICTS, i18n.REASONS, i18n.DETAILS, i18n.WORDS, COVERAGE_WORDS, DIFF_WORDS,
                                     CHANGES)} < {id(table) for table in TABLES}  # and explain's


def test_every_wording_of_the_source_has_its_chinese():
    chinese = translations()
    missing = sorted((context or "", msgid) for context, msgid in extracted() if not chinese.get((context, msgid)))
    assert missing == []


RUN_TIME_WORDINGS = [
    *(("what a value must be", text) for text in sorted(schema_descriptions())),
    *(("a type of value", text) for text in ("number", "boolean")),
    *((table.context(key), text) for table in TABLES for key, text in table.english.items()),
    *(("help", text) for text in dict.fromkeys(help_texts(typer.main.get_command(app)))),
]


@pytest.mark.parametrize(("context", "english"), RUN_TIME_WORDINGS)
def test_every_wording_built_at_run_time_has_its_chinese(context, english):
    """What the source names by a variable (a schema's descriptions, the reports' words, the commands'
    help) is in the catalogue too."""
    assert translations().get((context, english)), (context, english)


def test_the_catalogue_holds_no_wording_planaudit_no_longer_says():
    """A wording changed in the source leaves its old entry behind: it goes (the units of the usual
    catalogue are named by the data, not the source)."""
    known = extracted() | {(context, text) for context, text in RUN_TIME_WORDINGS}
    stale = [(context, msgid) for context, msgid in translations() if (context, msgid) not in known and context != "unit"]
    assert stale == []


def test_every_verdict_and_reason_reads_in_both_languages():
    assert set(i18n.VERDICTS["zh"]) == set(Verdict) and set(i18n.REASONS["zh"]) == set(Reason)
    assert i18n.REASONS["en"][Reason.NO_REPORT] == "no report for this year"
    assert i18n.REASONS["zh"][Reason.NO_REPORT] == "无该年度工作总结"
    assert all(untranslated(text) == [] for text in i18n.REASONS["zh"].values())


def test_every_table_of_words_reads_in_chinese():
    """No word of a table is left in English (what goes into its braces aside; value: unknown and basis: real
    are keys and values of the data)."""
    english = [(table.context(key), text) for table in TABLES for key, text in table["zh"].items()
               if untranslated(_FIELD.sub(" ", text), "unknown real")]
    assert english == []


def test_a_word_is_told_apart_by_what_it_names():
    """The same English names two changes in Chinese: a revised target (修订), a changed figure (修改)."""
    assert (CHANGES["en"]["targets", Change.REVISED], CHANGES["en"]["figures", Change.REVISED]) == ("revised", "changed")
    assert (CHANGES["zh"]["targets", Change.REVISED], CHANGES["zh"]["figures", Change.REVISED]) == ("修订", "修改")
    assert (CHANGES["zh"]["figures", Change.ADDED], CHANGES["zh"]["inconsistencies", Change.ADDED]) == ("新增", "新出现")
    assert (DIFF_WORDS["en"]["colon"], DIFF_WORDS["zh"]["colon"]) == (": ", "：")
    assert COVERAGE_WORDS["zh"]["summary_plan"].format(covered=41, total=46, share=89, targets=30, directions=11) == \
        "46项承诺中41项已记录（89%）：30项有对应目标，11项记为方向性要求、不作核查"


def language_keyed(tree: ast.AST) -> list[int]:
    """The lines of ``tree`` where words are given by language: a dict keyed by a language code
    ({"zh": …}, dict(zh=…)), or any call given a language's words as a literal (Label(zh="不低于", …))."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and any(isinstance(key, ast.Constant) and key.value in LANGUAGES
                                              for key in node.keys):
            lines.append(node.lineno)
        elif isinstance(node, ast.Call) and any(keyword.arg in LANGUAGES and (
                isinstance(node.func, ast.Name) and node.func.id == "dict" or isinstance(keyword.value, ast.Constant))
                for keyword in node.keywords):
            lines.append(node.lineno)
    return lines


def test_the_check_for_tables_by_language_finds_one():
    assert language_keyed(ast.parse('WORDS = {"en": {"title": "Title"}, "zh": {"title": "标题"}}\nx = dict(zh="是")')) == [
        1, 2]
    assert language_keyed(ast.parse('label = Label(zh="不低于", en="at least")\nkeys = {"id": 1}')) == [1]
    assert language_keyed(ast.parse('label = Label(zh or en, en or zh)\nsaid = Label.said(pmsg("rule", "at least"))')) == []


def test_no_module_keeps_its_own_translations():
    """Words in a language other than English are in the catalogue alone: no module holds a table
    keyed by language (a second translation system, which the catalogue's tests would not see)."""
    found = [f"{path.relative_to(SOURCE)}:{line}" for path in sorted(SOURCE.rglob("*.py"))
             if LOCALE not in path.parents for line in language_keyed(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


@pytest.mark.parametrize("domain", ["planaudit", "messages"])
def test_the_compiled_catalogue_is_its_po_compiled(domain):
    compiled = BytesIO()
    write_mo(compiled, catalogue(domain))
    assert compiled.getvalue() == (LOCALE / "zh" / "LC_MESSAGES" / f"{domain}.mo").read_bytes()


_FIELD = re.compile(r"\{(\w*)[^{}]*\}")


@pytest.mark.parametrize("domain", ["planaudit", "messages"])
def test_a_translation_puts_in_only_what_its_wording_has(domain):
    """A {name} of a translation that its msgid does not give would be a KeyError when it is shown."""
    wrong = []
    for message in catalogue(domain):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        given = {name for text in (*ids, message.context or "") for name in _FIELD.findall(text)}  # a context may list more
        if any(not set(_FIELD.findall(text)) <= given for text in strings):
            wrong.append(ids[0])
    assert wrong == []


def test_english_is_the_wording_itself():
    said = msg("unknown metric '{metric}'{close}", metric="x", close=errors.did_you_mean("cases", ["casse"]))
    assert str(said) == said.render("en") == "unknown metric 'x'; did you mean 'casse'?"
    assert said.render("zh") == "未知指标 'x'；是否指 'casse'？"
    assert msg("text, or {zh: …, en: …}").render("en") == "text, or {zh: …, en: …}"  # no parameters: as written


def test_a_composite_message_is_translated_part_by_part():
    said = msg("'{key}': {problem}", key="derive", problem=msg("{name}() takes {arguments}, not {count}", name="sum",
                                                              arguments=msg("{count} argument", count=1), count=2))
    assert str(said) == "'derive': sum() takes 1 argument, not 2"
    assert said.render("zh") == "'derive'：sum() 需要1个参数，而不是2个"


def test_a_language_without_a_catalogue_reads_english():
    assert msg("the file is empty").render("fr") == "the file is empty"


def test_the_counts_under_a_list_of_problems():
    problems = [Problem("a", 1, 1, Code.SCHEMA, "x"), Problem("a", 2, 1, Code.SCHEMA, "y"),
                Problem("a", 3, 1, Code.YAML11, "z")]
    assert str(found(problems)) == "2 errors and 1 warning found"
    assert found(problems).render("zh") == "发现2个错误、1个警告"
    assert (str(found([])), found([]).render("zh")) == ("no problems found", "未发现问题")


def test_a_problem_keeps_what_it_says_from_a_worker():
    """A jurisdiction's warnings, judged in another process, are said in the run's language as the
    run's own are."""
    problem = Problem("targets/2022/a.yaml", 3, 7, Code.YAML11, said=msg(
        "'{text}' is read as {reading} by YAML 1.1 tools; {advice}", text="off", reading="false",
        advice=msg('quote it if you mean the text: "{text}"', text="off")))
    wire = Wire()
    again = wire.loads(wire.dumps(problem))
    assert again == problem and again.text("zh") == problem.text("zh") == (
        "targets/2022/a.yaml:3:7: yaml11-trap YAML 1.1 工具会把 'off' 读作 false；如指文本，请加引号：\"off\"")


@pytest.mark.parametrize("error", [
    errors.InvalidData([Problem("rules/", 1, 1, Code.UNKNOWN_METRIC, said=msg("unknown metric '{metric}'{close}",
                                                                             metric="x", close=""))]),
    errors.NoTargets(Path("/data"), 2021, [2022]),
    errors.NoTargetYears(Path("/data")),
    errors.UnknownJurisdiction("2021–2023", ["fuzou"], ["fuzhou"]),
    errors.UnknownJurisdiction(2022, ["fuzou"], ["fuzhou"]),
    errors.UnknownTarget(2022, "fuzhou", "zzz", ["a", "b"]),
    errors.UnknownTarget(2022, "fuzhou", "zzz", []),
    errors.UnknownTarget(2022, "fuzhou", "a", ["ab", "ac"], ["ab", "ac"]),
    errors.NotADataRepository(Path("/tmp/x")),
    errors.CannotWrite(Path("/x.md"), msg("it is a directory")),
    errors.OutputExists(Path("/x.yaml")),
    errors.NotAGitRepository(Path("/tmp/x")),
    errors.UnknownRevision("mian"),
    errors.NoDefaultBranch(["origin/main", "main", "master"]),
    errors.GitFailed("merge-base", msg("git cannot be run ({why})", why="No such file or directory")),
    errors.GitFailed("cat-file", msg("it stopped before every object was read")),
    errors.NoDataFile("targets", 2022, "fuzou", ["fuzhou"]),
    errors.UnknownDocument("targets", 2022),
    errors.NoPeriodPlans(Path("/data"), "2021-2025", ["2016-2020"]),
], ids=lambda error: type(error).__name__)
def test_every_error_reads_in_both_languages(error):
    chinese = error.format("zh")
    assert chinese != error.format("en") and error.format() == error.format("en")
    assert untranslated(chinese, "fuzou fuzhou zzz mian main master No such file or directory") == [], chinese


@pytest.mark.parametrize(("raw", "encoding", "chinese"), [
    (b"\xb9", None, "不是 UTF-8 文本（字节 0xb9）；请以 UTF-8 保存，GBK 或 GB18030 文本请加 --encoding gb18030"),
    (b"x", "gbx", "未知的编码“gbx”"),
    (b"\xff", "big5", "不是 big5 编码的文本：无法读取字节 0xff"),
    ("2023年工作简报".encode(), None,
     "无法判断这是计划还是总结（没有“2022年工作要点”或“2022年工作总结”这样的标题）；请加 --kind plan 或 --kind report"),
])
def test_a_document_that_cannot_be_drafted_from_reads_in_chinese(tmp_path, raw, encoding, chinese):
    from planaudit.errors import CannotExtract
    from planaudit.extract import document_kind_and_year, read_document

    (tmp_path / "plan.txt").write_bytes(raw)
    with pytest.raises(CannotExtract) as raised:
        text = read_document(tmp_path / "plan.txt", encoding)
        document_kind_and_year(text, "plan.txt", None, None)
    assert raised.value.format("zh").endswith(f":1: {chinese}")


def test_an_error_reads_in_english_as_before():
    assert errors.UnknownTarget(2022, "fuzhou", "zzz", ["a", "b"]).format() == (
        "planaudit: error: fuzhou has no target 'zzz' in 2022 (its targets: 1–2, or a, b)")
    assert errors.UnknownTarget(2022, "fuzhou", "zzz", ["a", "b"]).format("zh") == (
        "planaudit：错误：fuzhou 2022年没有目标 'zzz'（其目标：1–2，或 a, b）")


def test_every_error_class_is_held_to_a_translation():
    """Each PlanauditError of planaudit.errors is in the list above (a new one joins it)."""
    tested = {"InvalidData", "NoTargets", "UnknownJurisdiction", "UnknownTarget", "NotADataRepository", "CannotWrite",
              "OutputExists", "NotAGitRepository", "UnknownRevision", "NoDefaultBranch", "GitFailed", "NoDataFile",
              "UnknownDocument", "CannotExtract", "GitError", "PlanauditError", "NoPeriodPlans", "NoTargetYears"}
    classes = {name for name, value in vars(errors).items()
               if isinstance(value, type) and issubclass(value, errors.PlanauditError)}
    assert classes <= tested


def test_a_schema_description_reads_in_chinese():
    assert described("a four-digit year").render("zh") == "四位数年份"
    assert pmsg("what a value must be", "text, or {zh: …, en: …}").render("zh") == "文本，或 {zh: …, en: …}"


# --- click's and typer's own words ----------------------------------------------------------------

CHINESE = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "LANGUAGE": None}


def click_word(english: str) -> str:
    """click's ``english`` as planaudit's catalogue has it in Chinese."""
    with open(LOCALE / "zh" / "LC_MESSAGES" / "messages.mo", "rb") as mo:
        return gettext.GNUTranslations(mo).gettext(english)


def test_a_missing_argument_is_said_in_chinese():
    run = planaudit("explain", data=None, env=CHINESE)
    usage, tried = click_word("Usage:"), click_word("Try '{command} {option}' for help.")
    assert run.returncode == 2
    assert run.stderr.splitlines() == [
        f"{usage} {PROGRAM} explain [OPTIONS] YEAR JURISDICTION TARGET",
        tried.format(command=f"{PROGRAM} explain", option="--help"), "",
        click_word("Error: {message}").format(message=f"{click_word('Missing argument')} 'YEAR'.")]


def test_a_year_that_is_no_number_is_said_in_chinese():
    """Every word of it: click names the value's type "integer", planaudit's year type names itself."""
    run = planaudit("check", "20x9", data=None, env=CHINESE)
    invalid = click_word("Invalid value for {param_hint}: {message}").format(
        param_hint="'[YEARS]...'", message=click_word("{value!r} is not a valid {number_type}.").format(
            value="20x9", number_type=click_word("year")))
    assert click_word("year") == "年份"
    assert (run.returncode, run.stderr.splitlines()[-1]) == (2, click_word("Error: {message}").format(message=invalid))


@pytest.mark.parametrize("args", [["check", "20x9"], ["export", "20x9"], ["explain", "20x9", "t"],
                                  ["diff", "--year", "20x9"], ["coverage", "x.txt", "--year", "20x9"],
                                  ["extract", "x.txt", "--year", "20x9"]])
def test_every_year_is_named_a_year(args):
    english = planaudit(*args, data=None, env={"LANG": "C"})
    chinese = planaudit(*args, data=None, env=CHINESE)
    assert (english.returncode, chinese.returncode) == (2, 2)
    assert "'20x9' is" in english.stderr and "year" in english.stderr.splitlines()[-1]
    assert "integer" not in english.stderr + chinese.stderr
    assert chinese.stderr.splitlines()[-1].endswith(f"'20x9' 不是有效的{click_word('year')}。")


def test_the_list_of_commands_shows_each_in_chinese_words():
    """click shortens a help text at spaces; a Chinese one, which has none, shows its first sentence,
    or its first clause when that is long — never "..." alone."""
    shown = planaudit("--help", data=None, env=CHINESE).stdout
    heading = shown.index("\n" + click_word("Commands"))
    listed = dict(line.split(None, 1) for line in shown[heading:].splitlines()[2:] if line.strip())
    assert set(listed) == set(typer.main.get_command(app).commands)
    assert listed["coverage"] == "将工作要点（或工作总结）与数据仓库对照"
    assert listed["diff"] == "显示数据的改动对核查结果的影响"
    assert listed["check"] == "评估 YEARS 各年（或用 --all 评估每一年）的每项目标并输出结论。"
    assert not any(text.endswith("...") for text in listed.values())
    assert click_word("Usage:") == "用法："


def test_click_speaks_english_in_an_english_locale():
    run = planaudit("explain", data=None, env={"LANG": "en_US.UTF-8", "LC_ALL": None, "LANGUAGE": None})
    assert run.stderr.splitlines()[0] == f"Usage: {PROGRAM} explain [OPTIONS] YEAR JURISDICTION TARGET"
    assert run.stderr.splitlines()[-1] == "Error: Missing argument 'YEAR'."


def test_a_chinese_run_changes_nothing_of_the_environment():
    before = dict(os.environ)
    planaudit("check", data=None, env=CHINESE)
    planaudit("check", "--lang", "zh", data=None)
    assert dict(os.environ) == before


def test_lang_chooses_click_s_words_too():
    english = {"LANG": "C", "LC_ALL": None, "LANGUAGE": None}
    assert planaudit("explain", "--lang", "zh", data=None, env=english).stderr.splitlines()[-1] == (
        click_word("Error: {message}").format(message=f"{click_word('Missing argument')} 'YEAR'."))
    assert planaudit("check", "--lang=zh", "--help", data=None, env=english).stdout.startswith(click_word("Usage:"))
    assert planaudit("explain", "--lang", "en", data=None, env=CHINESE).stderr.splitlines()[-1] == (
        "Error: Missing argument 'YEAR'.")


def test_a_command_runs_under_the_environment_as_it_was():
    """The language is said to click (by LANGUAGE) only while it parses: what a command runs — git —
    sees the environment it was started with."""
    seen = []
    recorder = typer.Typer(cls=TranslatedGroup)

    @recorder.command()
    def record(lang: str = typer.Option("en", "--lang")) -> None:
        seen.append(os.environ.get("LANGUAGE"))

    @recorder.command()
    def other() -> None:
        pass

    result = CliRunner().invoke(recorder, ["record", "--lang", "zh"], env={"LANGUAGE": None})
    assert (result.exit_code, seen) == (0, [None])
    assert "LANGUAGE" not in os.environ


@pytest.mark.parametrize(("args", "lang"), [
    (["check", "2022", "--lang", "zh"], "zh"), (["check", "--lang=en"], "en"), (["check", "2022"], None),
    (["check", "--lang"], None), (["check", "--lang", "fr"], None), (["extract", "--", "--lang", "zh"], None),
])
def test_the_language_is_found_among_the_arguments(args, lang):
    assert chosen_lang(args) == lang


@pytest.mark.parametrize("command", ["check", "export", "explain", "validate", "diff", "schema", "init", "coverage",
                                     "extract"])
def test_every_command_has_its_help_in_chinese(command):
    english = typer.main.get_command(app).commands[command].help[:30]  # what click's wrapping leaves on one line
    chinese = translations()[("help", typer.main.get_command(app).commands[command].help)][:20]
    run = planaudit(command, "--help", data=None, env=CHINESE)
    assert chinese in run.stdout and english not in run.stdout
    assert click_word("Show this message and exit.") in run.stdout
    assert english in planaudit(command, "--help", data=None, env={"LANG": "C"}).stdout
