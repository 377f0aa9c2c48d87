"""The commands' --help in Chinese, chosen from the locale at start-up (LANG=zh_CN.UTF-8).

The English help is written where each command and option is declared; this table gives the
Chinese of each text, and :func:`translate_help` puts it in place before the command line is
built. A test holds every help text to having its Chinese.
"""

from __future__ import annotations

import inspect
from typing import Any

from planaudit.report import diff_endings_text, endings_text

HELP_ZH = {
    "Check the targets of annual work plans against the figures of work summaries.":
        "对照工作总结的数据，核查年度工作要点中的各项目标。",
    "planaudit: did the plan's targets meet the report's figures?": "planaudit：工作要点的目标是否由工作总结的数据达成？",
    "Show the version and exit.": "显示版本并退出。",
    "Judge every target of YEAR and print the verdicts.": "评估 YEAR 年的每项目标并输出结论。",
    "The year whose targets are judged.": "要评估其目标的年份。",
    "Only this jurisdiction, by slug (fuzhou) or name (福州市, 福州); repeatable.":
        "只评估该地区，可用标识（fuzhou）或名称（福州市、福州）；可重复。",
    "Format of the report on standard output.": "标准输出上报告的格式。",
    f"Also write a report to this file, in the format its ending names: {endings_text()} (repeatable).":
        f"同时将报告写入此文件，格式由后缀决定：{endings_text()}（可重复）。",
    "Exit 1 on any of missed, unmeasured, inconsistent (an inconsistent figure), joined by commas "
    "(missed,inconsistent); or never. A single word means what it always has: missed; unmeasured (or "
    "missed); inconsistent (or any of those). Default: planaudit.yaml's fail_on, then missed.":
        "出现以下任一情况时以1退出：missed（未达标）、unmeasured（无法评估）、inconsistent（数据不一致），可用逗号连接"
        "（missed,inconsistent）；或 never（从不）。单个词保持原义：missed；unmeasured（或未达标）；inconsistent"
        "（或以上任一）。默认：planaudit.yaml 的 fail_on，其次为 missed。",
    "Language of the output. Default: planaudit.yaml's lang, then the locale.":
        "输出语言。默认：planaudit.yaml 的 lang，其次为系统区域设置。",
    "Judge every file afresh, neither reading nor writing the cache.": "重新评估每个文件，不读也不写缓存。",
    "The data repository (targets/, outcomes/, rules/). Default: the current directory.":
        "数据仓库（targets/、outcomes/、rules/）。默认：当前目录。",
    "Write the audit of YEAR as a Markdown report to publish.": "将 YEAR 年的核查结果写成可发布的 Markdown 报告。",
    "Write the report to this file. Default: standard output.": "将报告写入此文件。默认：标准输出。",
    "Show how one target's verdict was reached: rule, figures, derivation, baseline, comparison.":
        "说明一项目标的结论如何得出：规则、数据、推算、基数、比较。",
    "The year of the target.": "目标所属年份。",
    "The jurisdiction: its slug (fuzhou) or its name (福州市, 福州).": "地区：标识（fuzhou）或名称（福州市、福州）。",
    "The target's id, the start of one id alone, or its row's number (#) in the jurisdiction's table.":
        "目标编号、唯一的编号开头，或其在该地区表格中的行号（#）。",
    "Check every file of the data repository; list each problem as path:line:col: code message.\n\nExit 0 when no "
    "error is found (warnings are listed), 1 when one is (or, with --strict, a\nwarning), 2 for bad usage.":
        "检查数据仓库的每个文件，逐条列出问题：路径:行:列: 代码 说明。\n\n"
        "没有错误时退出码为0（警告照常列出），有错误时为1（加 --strict 时有警告也为1），用法错误为2。",
    "How to list the problems.": "问题的列出格式。",
    "Exit 1 on warnings too, not only on errors.": "有警告时也以1退出，而不仅是有错误时。",
    "Language of the messages. Default: the locale.": "消息语言。默认：系统区域设置。",
    "Accepted for compatibility: validate keeps no cache.": "为兼容而保留：validate 不使用缓存。",
    "Print the JSON Schema of a target, outcome, rules or settings file (for editors).":
        "输出目标、总结数据、规则或设置文件的 JSON Schema（供编辑器使用）。",
    "Which file's schema.": "哪类文件的模式。",
    "Create a data repository with one worked example: a target, a report and a derived metric.":
        "创建一个数据仓库，附一个完整示例：一项目标、一份总结和一个推算指标。",
    "Where to create it.": "创建位置。",
    "Show what a change to the data does to the audit: targets added or removed, verdicts that\ngot better "
    "or worse, figures and inconsistent figures that changed — between two git revisions.":
        "显示数据的改动对核查结果的影响：在两个 git 版本之间，新增或删除的目标、变好或变差的结论、"
        "改动的数据及数据不一致。",
    "The revision compared with. Default: where the current branch left the default branch (GITHUB_BASE_REF's, "
    "origin's HEAD, main or master).":
        "作为比较基准的版本。默认：当前分支与默认分支（GITHUB_BASE_REF 所指、origin 的 HEAD、main 或 master）的分叉点。",
    "The revision compared. Default: the working tree, every file check would read there, tracked or not.":
        "被比较的版本。默认：工作区中 check 会读取的每个文件，无论 git 是否跟踪。",
    "Only this year (repeatable). Default: every year the changes touch.": "只比较该年份（可重复）。默认：改动涉及的每个年份。",
    "Format of the comparison on standard output.": "标准输出上比较结果的格式。",
    f"Also write the comparison to this file, in the format its ending names: {diff_endings_text()} (repeatable).":
        f"同时将比较结果写入此文件，格式由后缀决定：{diff_endings_text()}（可重复）。",
    "Exit 1 on any of worse (a verdict got worse: met → unmeasured → missed) and inconsistent (an inconsistent "
    "figure appeared), joined by commas; or never.":
        "出现以下任一情况时以1退出：worse（结论变差：达标 → 无法评估 → 未达标）、inconsistent（出现新的数据不一致），"
        "可用逗号连接；或 never（从不）。",
    "Draft the target (plan) or outcome (report) YAML of a document, for review.\n\nEach metric is left as the "
    "placeholder TODO, which validate reports until it is named.":
        "根据文档起草目标（工作要点）或数据（工作总结）的 YAML，供人工核对。\n\n"
        "每个指标都留作占位符 TODO，在指定之前 validate 会一直报告。",
    "The plan or report, as text (UTF-8 unless --encoding).": "工作要点或工作总结，文本文件（除非指定 --encoding，均为 UTF-8）。",
    "The document's encoding when it is not UTF-8: gb18030 (which reads GBK too), big5…":
        "文档不是 UTF-8 时的编码：gb18030（也可读取 GBK）、big5……",
    "Hold a plan (or a report) against the repository: every commitment (figure) of the document\nthat no target "
    "(figure) quotes, with its line and section; every quote of the jurisdiction's\nfile that the document does not "
    "hold verbatim (exit 1); a report's figures that no target uses.":
        "将工作要点（或工作总结）与数据仓库对照：列出文档中没有目标（数据）引用的每项承诺（数据）及其行号和章节；"
        "该地区文件中在文档里找不到原文的每条引文（以1退出）；总结中没有目标使用的数据。",
    "The plan or report, as text.": "工作要点或工作总结，文本文件。",
    "Whose document it is. Default: the jurisdiction whose file has the most quotes standing in it.":
        "文档所属地区。默认：其文件的引文在文档中出现最多的地区。",
    "The document's year. Default: from its title.": "文档年份。默认：由标题判断。",
    "Format of the finding.": "结果的格式。",
    "Only this part of the document: 三 for 三、… (a report whose part 三 is next year's plan).":
        "只对照文档的这一部分：如 三 表示“三、……”（工作总结的第三部分为下一年计划时）。",
    "plan or report. Default: from the title (要点/计划: plan; 总结/报告: report).":
        "plan 或 report。默认：由标题判断（要点/计划：plan；总结/报告：report）。",
    "The document's year. Default: from the title, e.g. 2022年工作要点.": "文档年份。默认：由标题判断，如“2022年工作要点”。",
    "Its slug. Default: the output file's name, else the input file's.": "地区标识。默认：输出文件名，其次为输入文件名。",
    "Write the draft to this file. Default: standard output.": "将草稿写入此文件。默认：标准输出。",
    "Replace the output file if it exists.": "输出文件已存在时替换它。",
    "Language of the messages and the draft's comment. Default: the locale.": "消息和草稿注释的语言。默认：系统区域设置。",
}


def help_texts(app: Any) -> list[tuple[Any, str]]:
    """Every help text of the app, with the object that holds it (an info object, or a
    parameter's): the app's, its callback's, each command's and each parameter's."""
    import typer.models

    found: list[tuple[Any, str]] = [(app.info, app.info.help)]
    callbacks = [app.registered_callback, *app.registered_commands]
    for info in callbacks:
        found.append((info, info.help or inspect.getdoc(info.callback) or ""))
        for parameter in inspect.signature(info.callback).parameters.values():
            default = parameter.default
            if isinstance(default, typer.models.ParameterInfo) and default.help:
                found.append((default, default.help))
    return found


def translate_help(app: Any) -> None:
    """Put the Chinese help in place of the English, before the command line is built."""
    for holder, text in help_texts(app):
        holder.help = HELP_ZH.get(text, text)
