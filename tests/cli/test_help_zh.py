"""The commands' --help speaks Chinese in a Chinese locale."""

from __future__ import annotations

from acceptance_support import planaudit
from planaudit.cli.app import app
from planaudit.cli.help_zh import HELP_ZH, help_texts


def test_every_help_text_has_its_chinese():
    missing = [text for _, text in help_texts(app) if text not in HELP_ZH]
    assert missing == []


def test_help_is_chosen_from_the_locale():
    chinese = planaudit("check", "--help", data=None, env={"LANG": "zh_CN.UTF-8"})
    assert "评估 YEAR 年的每项目标并输出结论。" in chinese.stdout
    english = planaudit("check", "--help", data=None)
    assert "Judge every target of YEAR and print the verdicts." in english.stdout
