"""Problems and errors in Chinese.

planaudit composes its problem and error messages in English (the text programs read: JSON, the
cache, the tests' expectations), each from a fixed wording with names and numbers in it. This
module holds the Chinese of every such wording, as a rewriting of the English: each rule finds one
wording (its names and numbers captured) and writes it in Chinese. Rules apply in order, each to
what the ones before left, so that a message built of parts (a problem, then "; did you mean …?")
is rewritten part by part. A wording without a rule stays English, and a test holds every problem
code and error to having one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from planaudit.model.problems import Code

_Q = r"'(?P<{}>[^']*)'"  # a quoted name


def _quoted(name: str) -> str:
    return _Q.format(name)


_DESCRIPTIONS = {
    "a date such as 2022-04-30": "日期，如 2022-04-30",
    "a decimal number of 0 or more such as 0.5 or 1%": "不小于0的十进制数，如 0.5 或 1%",
    "a decimal number such as 85, 97.12 or 85%, or true or false": "十进制数（如 85、97.12 或 85%），或 true、false",
    "a decimal number such as 85, 97.12 or 85%": "十进制数，如 85、97.12 或 85%",
    "a four-digit year": "四位数年份",
    "a list": "列表",
    "a mapping (one figure)": "映射（一项数据）",
    "a mapping (one target)": "映射（一项目标）",
    "a mapping of keys to values": "键值映射",
    "a mapping of metric ids to metrics": "指标编号到指标的映射",
    "a mapping of rule ids to rules": "规则编号到规则的映射",
    "a mapping of scope names to scopes": "范围名称到范围的映射",
    "a mapping": "映射",
    "a metric id such as legal_aid.cases": "指标编号，如 legal_aid.cases",
    "a size such as 20MB, 512KB or 1GB, or a number of bytes": "大小，如 20MB、512KB 或 1GB，或字节数",
    "a slug such as legal-aid-growth (lower-case letters, digits, - and _)": "由小写字母、数字、- 和 _ 组成的标识，如 legal-aid-growth",
    "an expression of at most 1000 characters": "不超过1000个字符的表达式",
    "exact, lower or upper": "exact、lower 或 upper",
    "never, or any of missed, unmeasured and inconsistent joined by commas": "never，或以逗号连接的 missed、unmeasured、inconsistent 中任意几项",
    "text, or {zh: …, en: …}": "文本，或 {zh: …, en: …}",
    "the year-on-year growth the report states with the figure, in percent, such as 21%": "报告所述同比增长率，如 21%",
    "zh or en": "zh 或 en",
    "text": "文本",
}
_TYPES = {"number": "数值", "boolean": "是/否"}
_DESCRIPTION = "(?P<description>" + "|".join(map(re.escape, _DESCRIPTIONS)) + ")"

Rule = tuple[str, "str | Callable[[re.Match[str]], str]"]

RULES: list[Rule] = [
    # Reading
    (r"the file's real path is outside the data repository; it is not read", "文件的实际路径在数据仓库之外，未读取"),
    (r"not a regular file; it is not read", "不是普通文件，未读取"),
    (r"the file is a symbolic link, or a folder on its path in the data repository is one; links are not followed, "
     r"and it is not read", "文件是符号链接，或其在数据仓库内路径上的某个文件夹是符号链接；符号链接一概不跟随，未读取"),
    (r"the file is in a \.git folder, git's own, not in the data repository; it is not read",
     "文件位于 git 自身的 .git 文件夹中，不在数据仓库内，未读取"),
    (r"the file has more than (?P<n>\d+) bytes \(max_file_size in planaudit\.yaml\); it is not read",
     r"文件超过\g<n>字节（planaudit.yaml 的 max_file_size），未读取"),
    (r"the revision (?P<rev>.+?) holds two entries of this name in one folder, which git never writes",
     r"版本 \g<rev> 在同一文件夹中有两个同名条目，git 从不写入这样的树"),
    (r"the revision (?P<rev>.+?) holds entries of this name that differ only in case or Unicode form \((?P<other>'[^']*')\)"
     r", which some file systems take for one file", r"版本 \g<rev> 中有仅大小写或 Unicode 形式不同的同名条目（\g<other>），"
     r"有的文件系统会把它们当作同一个文件"),
    (r"the revision (?P<rev>.+?) holds a symbolic link on this file's path \((?P<link>'[^']*')\)",
     r"版本 \g<rev> 在此文件的路径上有符号链接（\g<link>）"),
    (r"the revision (?P<rev>.+?) names an object for this file that the repository does not have",
     r"版本 \g<rev> 为此文件所指的对象在仓库中不存在"),
    (r"the revision (?P<rev>.+?) holds a name here that git never writes", r"版本 \g<rev> 在此处有 git 从不写入的名称"),
    (r"the revision (?P<rev>.+?) holds a symbolic link here that no file system can hold",
     r"版本 \g<rev> 在此处有任何文件系统都无法容纳的符号链接"),
    (r"; nothing of that revision is read", "；该版本的文件一概不读取"),
    (r"cannot read the file: (?P<why>.+)", r"无法读取文件：\g<why>"),
    (r"is not UTF-8 text \(byte (?P<byte>0x[0-9a-f]+)\); save the file as UTF-8", r"不是 UTF-8 文本（字节 \g<byte>）；请以 UTF-8 保存"),
    (r", or pass --encoding gb18030 for GBK or GB18030 text", "，GBK 或 GB18030 文本请加 --encoding gb18030"),
    (r"U\+(?P<code>[0-9A-F]{4}) is a line break to some YAML readers and not to others; remove it or write a plain line break",
     r"U+\g<code> 在部分 YAML 解析器中是换行符、在另一些中不是；请删除，或改用普通换行"),
    (r"U\+(?P<code>[0-9A-F]{4}) is a control character or a non-character, which a YAML file may not hold; remove it",
     r"U+\g<code> 是控制字符或非字符，YAML 文件中不得含有；请删除"),
    (r"values nested more than (?P<n>\d+) levels deep", r"嵌套超过\g<n>层"),
    (r"the value on line (?P<n>\d+) holds ': ', which YAML reads as a new key: quote this value",
     r"第\g<n>行的值含有“: ”，YAML 会将其读作新的键：请给这个值加引号"),
    (r"line (?P<n>\d+) is indented with a tab; indent with spaces", r"第\g<n>行用制表符缩进；请用空格缩进"),
    (r"the quote that opens the value on line (?P<n>\d+) is not closed", r"第\g<n>行的值的引号没有闭合"),
    (r" \(YAML: (?P<words>.*)\)$", r"（YAML 解析器：\g<words>）"),
    (r"a file holds one YAML document, not several", "一个文件只能有一个 YAML 文档"),
    (r"the file is empty", "文件为空"),
    (r"key " + _quoted("key") + r" appears twice in this mapping \(first on line (?P<n>\d+)\); YAML would silently keep only the last",
     r"键 '\g<key>' 在同一映射中出现两次（第一次在第\g<n>行）；YAML 会默默只保留最后一个"),
    (r"anchors \((?P<a>[^)]*)\) are not allowed; write the value out", r"不允许使用锚点（\g<a>）；请直接写出值"),
    (r"aliases \((?P<a>[^)]*)\) are not allowed; write the value out", r"不允许使用别名（\g<a>）；请直接写出值"),
    (r"merge keys \(<<\) are not allowed; write the values out", "不允许使用合并键（<<）；请直接写出各值"),
    (r"the tag (?P<tag>\S+) is not allowed; planaudit reads plain YAML only", r"不允许使用标签 \g<tag>；planaudit 只读取普通 YAML"),
    (r"a mapping key must be plain text", "映射的键必须是普通文本"),
    (_quoted("text") + r" is read as (?P<reading>.+?) by YAML 1\.1 tools; quote it if you mean the text: (?P<quoted>\".*\")$",
     r"YAML 1.1 工具会把 '\g<text>' 读作 \g<reading>；如指文本，请加引号：\g<quoted>"),
    (_quoted("text") + r" is read as (?P<reading>.+?) by YAML 1\.1 tools; write it as (?P<plain>\S+)$",
     r"YAML 1.1 工具会把 '\g<text>' 读作 \g<reading>；请写作 \g<plain>"),
    # The schema
    (r"the file does not match its schema", "文件不符合其模式"),
    (_quoted("key") + r" is required", r"缺少必填项 '\g<key>'"),
    (r"unknown key " + _quoted("key") + r" \(allowed here: (?P<allowed>[^)]*)\)", r"未知的键 '\g<key>'（此处可用：\g<allowed>）"),
    (r" must be " + _DESCRIPTION + r", not (?P<shown>.+?)(?P<trap> \(YAML 1\.1 tools would read it as (?P<reading>[^)]*)\))?$",
     lambda found: f" 应为{_DESCRIPTIONS[found['description']]}，而不是 {found['shown']}"
                   + (f"（YAML 1.1 工具会读作 {found['reading']}）" if found["trap"] else "")),
    (_quoted("key") + r" is not " + _DESCRIPTION, lambda found: f"'{found['key']}' 不是{_DESCRIPTIONS[found['description']]}"),
    (r"^entry (?P<n>\d+) of (?P<parent>'[^']*'|the list)", lambda found: f"{found['parent'].replace('the list', '列表')} 的第{found['n']}项"),
    (r"^the file(?= 应为)", "文件"),
    (r"a number may have at most (?P<n>\d+) digits", r"数字最多\g<n>位"),
    # Placement
    (r"file name " + _quoted("name") + r" is not a jurisdiction slug such as fuzhou\.yaml \(lower-case letters, digits, - and _\)",
     r"文件名 '\g<name>' 不是地区标识（如 fuzhou.yaml，由小写字母、数字、- 和 _ 组成）"),
    (r"planaudit reads only \.yaml files; rename it to \.yaml", "planaudit 只读取 .yaml 文件；请改名为 .yaml"),
    (r"a data file belongs at (?P<kind>\w+)/<year>/<jurisdiction>\.yaml, e\.g\. (?P<example>\S+)",
     r"数据文件应放在 \g<kind>/<年份>/<地区>.yaml，例如 \g<example>"),
    (r"jurisdiction " + _quoted("stated") + r" disagrees with the file name " + _quoted("file"),
     r"jurisdiction '\g<stated>' 与文件名 '\g<file>' 不符"),
    (r"year (?P<stated>\d+) disagrees with the directory (?P<dir>\d+)/", r"year \g<stated> 与目录 \g<dir>/ 不符"),
    # The model
    (r"target id " + _quoted("id") + r" is already used on line (?P<n>\d+)", r"目标编号 '\g<id>' 已在第\g<n>行使用"),
    (r"(?P<metric>\S+) \(scope (?P<scope>[^,]+), as of (?P<date>[\d-]+)\) is already reported on line (?P<n>\d+)",
     r"\g<metric>（范围 \g<scope>，截至 \g<date>）已在第\g<n>行报告"),
    (_quoted("id") + r" is already defined at (?P<where>\S+)", r"'\g<id>' 已在 \g<where> 定义"),
    # The catalogue
    (r"rules/ defines no metrics \(is rules/metrics\.yaml missing\?\), so no target or figure can name one",
     "rules/ 中没有定义任何指标（是否缺少 rules/metrics.yaml？），目标和数据都无法引用指标"),
    (r"(?P<metric>\S+) is boolean and cannot be derived by arithmetic", r"\g<metric> 为是/否指标，不能用算术推算"),
    (r"derive names unknown metric " + _quoted("name"), r"derive 引用了未知指标 '\g<name>'"),
    (r"derive uses boolean metric " + _quoted("name") + " in arithmetic", r"derive 在算术中使用了是/否指标 '\g<name>'"),
    (r"derivations form a cycle: (?P<path>.+)", r"推算形成循环：\g<path>"),
    (r"derivations chained more than (?P<n>\d+) deep; derive this metric from reported metrics more directly",
     r"推算链超过\g<n>层；请更直接地由报告指标推算"),
    (_quoted("key") + r" computes, from the (?P<year>\d+) figures of (?P<j>\S+), a number of more than (?P<n>\d+) digits; "
                      r"(?P=j) is not judged",
     r"'\g<key>' 由 \g<j> \g<year>年的数据算出了超过\g<n>位的数；\g<j> 未作评估"),
    (r"custom rule " + _quoted("rule") + r" has the name of a built-in rule", r"自定义规则 '\g<rule>' 与内置规则同名"),
    (r"expr may name only actual, value and baseline \(growth, with growth: true\), not " + _quoted("name"),
     r"expr 只能使用 actual、value 和 baseline（声明 growth: true 时还可用 growth），不能使用 '\g<name>'"),
    (r"expr may name only actual, value and baseline, not " + _quoted("name"),
     r"expr 只能使用 actual、value 和 baseline，不能使用 '\g<name>'"),
    # Targets and figures
    (r"metric not yet assigned: replace TODO with a metric id from rules/", "尚未指定指标：请将 TODO 替换为 rules/ 中的指标编号"),
    (r"unknown metric " + _quoted("metric"), r"未知指标 '\g<metric>'"),
    (r"unknown rule " + _quoted("rule") + r" \(known: (?P<known>[^)]*)\)", r"未知规则 '\g<rule>'（可用：\g<known>）"),
    (r"unknown scope " + _quoted("scope") + r": declare it under scopes: in rules/(?: \(declared: (?P<declared>[^)]*)\))?",
     lambda found: f"未知范围 '{found['scope']}'：请在 rules/ 的 scopes: 下声明"
                   + (f"（已声明：{found['declared']}）" if found["declared"] else "")),
    (r"rule (?P<rule>\S+) needs a value", r"规则 \g<rule> 需要目标值 value"),
    (r"rule (?P<rule>\S+) takes no value", r"规则 \g<rule> 不接受目标值 value"),
    (r"rule (?P<rule>\S+) uses no baseline", r"规则 \g<rule> 不使用基数 baseline"),
    (r"rule (?P<rule>\S+) takes no (?P<key>tolerance|tolerance_share|direction) \(only a rule such as about does\)",
     r"规则 \g<rule> 不接受 \g<key>（只有 about 这样的规则接受）"),
    (r"rule (?P<rule>\S+) needs a tolerance: tolerance: \(0\.5\) or tolerance_share: \(5%\) here, or about_tolerance: in planaudit\.yaml",
     r"规则 \g<rule> 需要允许偏差：在此写 tolerance:（如 0.5）或 tolerance_share:（如 5%），或在 planaudit.yaml 中写 about_tolerance:"),
    (r"give tolerance or tolerance_share, not both", "tolerance 与 tolerance_share 只能给出其一"),
    (r"(?P<key>asserts|of_target) names target (?P<name>'[^']*'), which the (?P<year>\d{4}) plan does not have",
     r"\g<key> 所指的目标 \g<name> 不在\g<year>年的工作要点中"),
    (r"of_target names target (?P<name>'[^']*'), which is of (?P<metric>\S+), not (?P<other>\S+)$",
     r"of_target 所指的目标 \g<name> 的指标是 \g<metric>，而不是 \g<other>"),
    (r"a share of target (?P<name>\S+) is a percentage: write (?P<value>\S+)$", r"目标 \g<name> 的完成比例应为百分数：请写 \g<value>"),
    (r"rule (?P<rule>\S+) cannot take another metric's figure as its value", r"规则 \g<rule> 不能以另一指标的数据作为目标值"),
    (r"^value names (?P<named>\S+), in (?P<unit>\S+); (?P<metric>\S+) is in (?P<own>\S+)$",
     r"value 所指的 \g<named> 单位为 \g<unit>，而 \g<metric> 的单位为 \g<own>"),
    (r"rule (?P<rule>\S+) cannot hold over a year: over: year is for a ceiling or a floor \((?P<rules>[^)]*)\)",
     r"规则 \g<rule> 不能约束全年：over: year 只用于上限或下限规则（\g<rules>）"),
    (r"source (?P<name>'[^']*') is not one of the report's documents \(listed: (?P<listed>[^)]*)\)",
     r"source \g<name> 不是本总结所列文件之一（已列：\g<listed>）"),
    (r"document id (?P<name>'[^']*') is listed twice", r"文件编号 \g<name> 重复"),
    (r"value_source: report needs value_quote: the report's words that state the value",
     "value_source: report 需要 value_quote：工作总结中陈述该目标值的原文"),
    (r"value_quote is for value_source: report", "value_quote 只用于 value_source: report"),
    (r"(?P<metric>\S+) is also reported on line (?P<line>\d+) with conflict: true; a figure the report states twice says conflict: true at both",
     r"\g<metric> 在第\g<line>行也有报告且标有 conflict: true；总结两处所述不同的数据，两处都应标 conflict: true"),
    (r"derive names unknown scope (?P<scope>'[^']*') in (?P<name>\S+): declare it under scopes: in rules/",
     r"derive 在 \g<name> 中引用了未声明的范围 \g<scope>：请在 rules/ 的 scopes: 下声明"),
    (r"approx_share is for a figure of bound approx", "approx_share 只用于 bound 为 approx 的数据"),
    (r"bound approx needs the share the figure may be off by: approx_share: \(5%\) here, or approx_share: in planaudit\.yaml",
     "bound approx 需要给出数据可能的偏差比例：在此写 approx_share:（如 5%），或在 planaudit.yaml 中写 approx_share:"),
    (r"tolerance (?P<t>\S+)% is a percentage but the value is not; for a share of the value write tolerance_share: (?P<s>\S+)",
     r"tolerance \g<t>% 是百分数，而目标值不是；如指目标值的比例，请写 tolerance_share: \g<s>"),
    (r"rule (?P<rule>\S+) needs a boolean metric; (?P<metric>\S+) is in (?P<unit>\S+)",
     r"规则 \g<rule> 需要是/否指标；\g<metric> 的单位是 \g<unit>"),
    (r"rule (?P<rule>\S+) needs a numeric metric; (?P<metric>\S+) is in (?P<unit>\S+)",
     r"规则 \g<rule> 需要数值指标；\g<metric> 的单位是 \g<unit>"),
    (r"a value in (?P<source>\S+) cannot be compared with a metric in (?P<target>\S+)",
     r"单位为 \g<source> 的值不能与单位为 \g<target> 的指标比较"),
    (r"(?P<metric>\S+) is in (?P<unit>\S+): its value must be true or false", r"\g<metric> 的单位是 \g<unit>：值必须是 true 或 false"),
    (r"(?P<metric>\S+) is in (?P<unit>\S+): its value must be a number", r"\g<metric> 的单位是 \g<unit>：值必须是数字"),
    (r"a true/false figure cannot have a bound", "是/否数据不能有 bound"),
    (r"a percentage cannot be a figure of (?P<metric>\S+), which is in (?P<unit>\S+)",
     r"\g<metric> 的单位是 \g<unit>，不能用百分数"),
    (r"the value (?P<value>\S+) is none of the numbers its quote states \((?P<numbers>[^)]*)\)",
     r"值 \g<value> 不在其引文所述的数字（\g<numbers>）之中"),
    (r"the growth (?P<value>\S+) is none of the numbers its quote states \((?P<numbers>[^)]*)\)",
     r"增长率 \g<value> 不在其引文所述的数字（\g<numbers>）之中"),
    (r"(?P<shown>\S+) is read as (?P=shown)%, not (?P<hundred>\S+)%; write (?P=hundred)% if that is meant",
     r"\g<shown> 会被读作 \g<shown>%，而不是 \g<hundred>%；如指后者，请写作 \g<hundred>%"),
    (r"no target of (?P<year>\d+) or (?P<next>\d+) uses (?P<metric>\S+)(?: \(scope (?P<scope>[^)]*)\))?",
     lambda found: f"{found['year']}年和{found['next']}年的目标都未使用 {found['metric']}"
                   + (f"（范围 {found['scope']}）" if found["scope"] else "")),
    (r"and (?P<n>\d+) more (?P<code>\S+) problems? in this file", r"本文件另有\g<n>个 \g<code> 问题"),
    # Errors
    (r"^planaudit: error: ", "planaudit：错误："),
    (r"(?P<dir>\S+) is not a data repository: neither it nor any directory above it has targets/, outcomes/, rules/ or "
     r"planaudit\.yaml", r"\g<dir> 不是数据仓库：它及其上级目录都没有 targets/、outcomes/、rules/ 或 planaudit.yaml"),
    (r"no target files for (?P<year>\d+): (?P<dir>\S+) has no \*\.yaml files \(years with targets: (?P<years>[^)]*)\)",
     r"\g<year>年没有目标文件：\g<dir> 中没有 *.yaml 文件（有目标的年份：\g<years>）"),
    (r"no targets for (?P<names>.+?) in (?P<year>\d+)", r"\g<year>年没有 \g<names> 的目标"),
    (r" \(jurisdictions with targets: (?P<known>[^)]*)\)", r"（有目标的地区：\g<known>）"),
    (r"(?P<j>\S+) has no target " + _quoted("wanted") + r" in (?P<year>\d+)", r"\g<j> \g<year>年没有目标 '\g<wanted>'"),
    (r" \(its targets: 1–(?P<n>\d+), or (?P<ids>[^)]*)\)", r"（其目标：1–\g<n>，或 \g<ids>）"),
    (r" \(it has none\)", "（它没有目标）"),
    (_quoted("wanted") + r" begins more than one target id of (?P<j>\S+) in (?P<year>\d+): (?P<ids>.+)",
     r"'\g<wanted>' 是 \g<j> \g<year>年多个目标编号的开头：\g<ids>"),
    (r"cannot write (?P<path>.+?): (?P<why>.+)", r"无法写入 \g<path>：\g<why>"),
    (r"(?P<path>\S+) exists; pass --force to replace it", r"\g<path> 已存在；如要替换，请加 --force"),
    (r"not creating a data repository: (?P<path>.+?) is a symbolic link; init creates files only inside its folder, "
     r"never through a link", r"未创建数据仓库：\g<path> 是符号链接；init 只在其目录内创建文件，从不经由链接"),
    (r"it is a directory", "它是目录"),
    (r"cannot tell whether this is a plan or a report \(no title such as 2022年工作要点 or 2022年工作总结\); pass --kind plan "
     r"or --kind report", "无法判断这是计划还是总结（没有“2022年工作要点”或“2022年工作总结”这样的标题）；请加 --kind plan 或 --kind report"),
    (r"cannot tell the year \(no title such as 2022年工作要点\); pass --year", "无法判断年份（没有“2022年工作要点”这样的标题）；请加 --year"),
    (r"standard output is closed", "标准输出已关闭"),
    (r"no (?P<file>\S+\.yaml) to hold the document against \(jurisdictions with one: (?P<known>.*)\)$",
     r"没有 \g<file> 可与该文件对照（有此文件的地区：\g<known>）"),
    (r"cannot tell whose document this is: no quote of any (?P<files>\S+) stands in it, or as many of two files' as "
     r"of each other's; pass -j SLUG", r"无法判断这是哪个地区的文件：没有任何 \g<files> 的引文出现在其中，或两个文件的引文出现得一样多；请加 -j SLUG"),
    (r"unknown encoding '(?P<name>[^']*)'", r"未知的编码“\g<name>”"),
    (r"not (?P<name>\S+) text: byte 0x(?P<byte>[0-9a-f]{2}) cannot be read", r"不是 \g<name> 编码的文本：无法读取字节 0x\g<byte>"),
    (r"cannot tell the format of (?P<path>.+?) from its ending; use one of (?P<endings>.+)",
     r"无法由文件名后缀判断 \g<path> 的格式；请使用以下后缀之一：\g<endings>"),
    # Expressions (after "'derive': " or "'expr': ")
    (r"expression longer than (?P<n>\d+) characters", r"表达式超过\g<n>个字符"),
    (r"unexpected character (?P<c>'.*')$", r"意外的字符 \g<c>"),
    (r"expected a (?P<want>number|boolean) expression, not a (?P<got>number|boolean) one",
     lambda found: f"应为{_TYPES[found['want']]}表达式，而不是{_TYPES[found['got']]}表达式"),
    (r"unexpected end of expression", "表达式意外结束"),
    (r"unexpected (?P<t>'.*')$", r"意外的 \g<t>"),
    (r"expected a (?P<want>number|boolean) here, not a (?P<got>number|boolean)",
     lambda found: f"此处应为{_TYPES[found['want']]}，而不是{_TYPES[found['got']]}"),
    (r"expression nested more than (?P<n>\d+) levels deep", r"表达式嵌套超过\g<n>层"),
    (r"chained comparisons are not supported; join them with 'and'", "不支持连续比较；请用 'and' 连接"),
    (r"unknown function (?P<f>'[^']*'); only abs, min, max and round may be called", r"未知函数 \g<f>；只能调用 abs、min、max 和 round"),
    (r"(?P<f>\w+)\(\) takes (?:at least (?P<least>\d+) arguments|(?P<lo>\d+) to (?P<hi>\d+) arguments|(?P<n>\d+) arguments?), not (?P<got>\d+)",
     lambda found: f"{found['f']}() 需要"
                   + (f"至少{found['least']}个" if found["least"] else f"{found['lo']}到{found['hi']}个" if found["lo"] else f"{found['n']}个")
                   + f"参数，而不是{found['got']}个"),
    (r"round\(\)'s second argument must be a whole number from 0 to 10", "round() 的第二个参数必须是0到10的整数"),
    (r"^" + _quoted("key") + r": ", r"'\g<key>'："),
    # Comparing revisions (planaudit diff)
    (r"^(?P<lead>.*?)(?P<path>\S+) is not in a git repository: `planaudit diff` compares revisions of one$",
     r"\g<lead>\g<path> 不在 git 仓库中：`planaudit diff` 比较的是同一仓库的两个版本"),
    (r"git knows no commit (?P<name>'[^']*'|\"[^\"]*\")$", r"git 中没有提交 \g<name>"),
    (r"cannot tell which branch to compare with \(tried (?P<names>[^)]*)\); name the base revision: (?P<example>.*)$",
     r"无法判断与哪个分支比较（已尝试 \g<names>）；请指明基准版本：\g<example>"),
    (r"(?P<command>`git [\w-]+`) failed: git cannot be run \((?P<why>[^)]*)\)$", r"\g<command> 执行失败：无法运行 git（\g<why>）"),
    (r"(?P<command>`git [\w-]+`) failed: ", r"\g<command> 执行失败："),
    # Why a run failed
    (r"^failed: (?P<parts>.*) — --fail-on (?P<what>\S+)$", lambda found: f"未通过：{_failures(found['parts'])} —— --fail-on {found['what']}"),
    # Suggestions and counts
    (r"; did you mean (?P<names>'[^?]*')\?", lambda found: f"；是否指 {found['names'].replace(' or ', ' 或 ')}？"),
    (r"^(?:(?P<errors>\d+) errors?)?(?: and )?(?:(?P<warnings>\d+) warnings?)? found(?P<rest>.*)$", lambda found: _found(found)),
    (r"^no problems found$", "未发现问题"),
]


_FAILURES = [(re.compile(r"(\d+) verdicts? worse \("), r"变差\1项（"),
             (re.compile(r"(\d+) new inconsistent figures?"), r"新出现数据不一致\1处"),
             (re.compile(r"(\d+) missed \("), r"未达标\1项（"), (re.compile(r"(\d+) unmeasured \("), r"无法评估\1项（"),
              (re.compile(r"(\d+) inconsistent figures?"), r"数据不一致\1处"), (re.compile(r", and (\d+) more\)"), r"，另有\1项）"),
              (re.compile(r"[)）], "), "）；"), (re.compile(r"\)$"), "）")]


def _failures(parts: str) -> str:
    for pattern, replacement in _FAILURES:
        parts = pattern.sub(replacement, parts)
    return parts


def _found(found: re.Match[str]) -> str:
    counts = "、".join(part for part in (found["errors"] and f"{found['errors']}个错误",
                                          found["warnings"] and f"{found['warnings']}个警告") if part)
    rest = found["rest"].replace("; nothing was judged", "；未作任何评估").replace("; not judged: ", "；未评估：")
    return f"发现{counts}{rest}"


@functools.cache
def _compiled() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], Any]]]:
    """The rules, compiled when first needed (not at start-up: most runs speak English), and the
    shape of a problem's line: path:line:col: [code] message."""
    codes = "|".join(re.escape(code.value) for code in Code)
    problem = re.compile(rf"^(?P<place>\S+:\d+:\d+: (?:(?:{codes}) )?)(?P<message>.*)$")
    return problem, [(re.compile(pattern), replacement) for pattern, replacement in RULES]


def localize(text: str, lang: str) -> str:
    """``text`` — problems, errors and their summary lines, one a line — in ``lang``."""
    if lang != "zh":
        return text
    return "\n".join(_line(line) for line in text.split("\n"))


def _line(line: str) -> str:
    shape, rules = _compiled()
    problem = shape.match(line)
    place, message = (problem["place"], problem["message"]) if problem else ("", line)
    for pattern, replacement in rules:
        message = pattern.sub(replacement, message)
    if place.endswith(" yaml-syntax ") and not _CHINESE.search(message):  # the parser's words alone
        message = f"YAML 语法错误（YAML 解析器：{message}）"
    return place + message


_CHINESE = re.compile(r"[\u4e00-\u9fff]")
