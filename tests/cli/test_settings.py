"""planaudit.yaml: repository defaults for lang, fail_on and tolerance."""

import json

import pytest
from typer.testing import CliRunner

from planaudit.cli.app import app
from planaudit.report.i18n import default_lang
from support import COUNT_METRICS, RepoBuilder


def repository(tmp_path, settings):
    builder = RepoBuilder(tmp_path).rules(COUNT_METRICS)
    builder.targets("- {id: x, title: 案件1000件以上, metric: cases, rule: at_least, value: 1000, quote: q}")
    builder.outcomes("""
        - {metric: cases, value: 282, quote: q}
        - {metric: closed, value: 276, quote: q}
        - {metric: rate, value: 91, quote: q}
        """)
    builder.write("planaudit.yaml", settings)
    return builder


def run(builder, *args):
    return CliRunner().invoke(app, ["check", "2022", "--data", str(builder.root), *args], env={"LANG": "C.UTF-8"})


def test_lang_and_fail_on_defaults(tmp_path):
    builder = repository(tmp_path, "lang: zh\nfail_on: never\n")
    result = run(builder)
    assert result.exit_code == 0
    assert "未达标" in result.stdout and "2022年：目标1项" in result.stdout
    assert run(builder, "--lang", "en", "--fail-on", "missed").exit_code == 1


def test_repository_tolerance(tmp_path):
    builder = repository(tmp_path, "tolerance: 7\n")
    document = json.loads(run(builder, "--format", "json").stdout)
    assert document["inconsistencies"] == []


def test_invalid_settings_are_problems(tmp_path):
    builder = repository(tmp_path, "lang: fr\n")
    result = run(builder)
    assert result.exit_code == 2
    assert "planaudit.yaml:1:7: schema 'lang' must be zh or en, not 'fr'" in result.output


@pytest.mark.parametrize(
    ("environment", "expected"),
    [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"), ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"),
     ({}, "en")],
)
def test_default_lang_follows_the_locale(monkeypatch, environment, expected):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert default_lang(None) == expected
    assert default_lang("en") == "en"


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    import sys

    from planaudit.cli import terminal as cli  # the module

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert cli.is_terminal()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not cli.is_terminal()
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    assert not cli.is_terminal()


def validate(builder, *args):
    return CliRunner().invoke(app, ["validate", "--data", str(builder.root), *args], env={"LANG": "C.UTF-8"})


def test_validate_speaks_the_repository_language(tmp_path):
    """As every command does: --lang, else planaudit.yaml's lang, else the locale."""
    from planaudit import api
    from planaudit.model.problems import found_counts

    builder = repository(tmp_path, "lang: zh\n")
    builder.targets("- {id: x, title: 结案率90%以上, metric: rate, rule: at_least, value: 0.9, quote: 结案率90%以上}")
    problems = api.validate(builder.root)
    assert "percent-as-ratio" in {problem.code.value for problem in problems} and not any(p.is_error for p in problems)
    assert all(problem.text("zh") != problem.text("en") for problem in problems)
    for args, lang in [((), "zh"), (("--lang", "en"), "en"), (("--lang", "zh"), "zh")]:
        result = validate(builder, *args)
        assert result.exit_code == 0
        assert result.stdout.splitlines() == [*(problem.text(lang) for problem in problems),
                                              found_counts(0, len(problems)).render(lang)]
    builder.write("planaudit.yaml", "fail_on: never\n")  # no lang: the locale's
    assert validate(builder).stdout.splitlines()[0] == problems[0].text("en")


def test_extract_speaks_the_language_of_the_repository_it_runs_in(tmp_path, monkeypatch):
    builder = repository(tmp_path, "lang: zh\n")
    document = tmp_path / "plan.txt"
    document.write_text("2022年工作要点\n一、加强法律援助\n1.法律援助案件办结率达到95%以上。\n", encoding="utf-8")
    monkeypatch.chdir(builder.root)
    chinese = CliRunner().invoke(app, ["extract", str(document), "-j", "x", "--kind", "plan"], env={"LANG": "C.UTF-8"})
    english = CliRunner().invoke(app, ["extract", str(document), "-j", "x", "--kind", "plan", "--lang", "en"],
                                 env={"LANG": "C.UTF-8"})
    assert (chinese.exit_code, english.exit_code) == (0, 0)
    assert chinese.stdout != english.stdout
    assert chinese.stdout.splitlines()[0].startswith("#") and english.stdout.splitlines()[0].startswith("#")
    from planaudit import api
    from planaudit.extract import DocumentKind
    assert chinese.stdout == api.draft(document, None, "x", DocumentKind("plan"), None, False, "zh", None)
    assert english.stdout == api.draft(document, None, "x", DocumentKind("plan"), None, False, "en", None)
