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
