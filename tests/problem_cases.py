"""A data file for every problem code, with the problem validate reports: (path, text, (line, col), message)."""

from __future__ import annotations

from planaudit.model.problems import Code

TARGET = "- {id: a, title: t, metric: cases, rule: at_least, value: 1, quote: q}"

LINK_TO_DEV_NULL, FIFO = "\0a link to /dev/null", "\0a FIFO"  # not text: what the file is instead
LINK_INSIDE = "\0a link to rules/metrics.yaml"
OVER_THE_CAP, CAP = "\0one byte more than max_file_size in planaudit.yaml", 1000
# The plan a case's file is checked against, where the problem is between the two.
PLANS = {Code.JUDGED_WITHOUT_NOTE: "jurisdiction: testville\nyear: 2022\ntargets:\n"
                                   "  - {id: a, title: 开通热线, metric: open, rule: achieved, quote: 开通热线}\n"}
DIFF_ONLY = {Code.BAD_REVISION}  # said of a revision's tree by `diff` (tests/read/test_git_attacks.py), never by validate
CASES = {
    Code.YAML_SYNTAX: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets: [\n",
                       (4, 1), "while parsing a flow node did not find expected node content"),
    Code.DUPLICATE_KEY: ("targets/2022/testville.yaml",
                         f"jurisdiction: testville\nyear: 2022\nyear: 2022\ntargets:\n  {TARGET}\n",
                         (3, 1), "key 'year' appears twice in this mapping (first on line 2); "
                                 "YAML would silently keep only the last"),
    Code.ALIAS: ("targets/2022/testville.yaml", "jurisdiction: &j testville\nyear: 2022\ntargets: []\n",
                 (1, 15), "anchors (&j) are not allowed; write the value out"),
    Code.TAG: ("targets/2022/testville.yaml", "jurisdiction: !!python/name:os.system testville\nyear: 2022\ntargets: []\n",
               (1, 15), "the tag !!python/name:os.system is not allowed; planaudit reads plain YAML only"),
    Code.ENCODING: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nname: \udcff\ntargets: []\n",
                    (3, 7), "is not UTF-8 text (byte 0xff); save the file as UTF-8"),
    Code.AMBIGUOUS_LINE_BREAK: ("targets/2022/testville.yaml",
                                "jurisdiction: testville\nyear: 2022\nname: a\u2028b\ntargets: []\n", (3, 8),
                                "U+2028 is a line break to some YAML readers and not to others; "
                                "remove it or write a plain line break"),
    Code.TOO_DEEP: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets: " + "[" * 40 + "]" * 40 + "\n",
                    (3, 41), "values nested more than 32 levels deep"),
    Code.SCHEMA: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\n",
                  (1, 1), "'targets' is required"),
    Code.YAML11: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nname: off\ntargets: []\n",
                  (3, 7), "'off' is read as false by YAML 1.1 tools; quote it if you mean the text: \"off\""),
    Code.PATH_MISMATCH: ("targets/2022/testville.yaml", "jurisdiction: elsewhere\nyear: 2022\ntargets: []\n",
                         (1, 15), "jurisdiction 'elsewhere' disagrees with the file name 'testville.yaml'"),
    Code.OUTSIDE_REPOSITORY: ("targets/2022/testville.yaml", LINK_TO_DEV_NULL, (1, 1),
                              "the file's real path is outside the data repository; it is not read"),
    Code.NOT_A_REGULAR_FILE: ("targets/2022/testville.yaml", FIFO, (1, 1), "not a regular file; it is not read"),
    Code.SYMBOLIC_LINK: ("targets/2022/testville.yaml", LINK_INSIDE, (1, 1),
                         "the file is a symbolic link, or a folder on its path in the data repository is one; links are "
                         "not followed, and it is not read"),
    Code.FILE_TOO_LARGE: ("targets/2022/testville.yaml", OVER_THE_CAP, (1, 1),
                          f"the file has more than {CAP} bytes (max_file_size in planaudit.yaml); it is not read"),
    Code.BAD_REVISION: ("targets/2022/testville.yaml", "\0a revision's tree with two entries of this name", (1, 1),
                        "the revision 1234567 holds two entries of this name in one folder, which git never writes; "
                        "nothing of that revision is read"),
    Code.DUPLICATE_ID: ("targets/2022/testville.yaml",
                        f"jurisdiction: testville\nyear: 2022\ntargets:\n  {TARGET}\n  {TARGET}\n",
                        (5, 10), "target id 'a' is already used on line 4"),
    Code.DUPLICATE_FIGURE: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures:\n"
                            "  - {metric: cases, value: 1, quote: q}\n  - {metric: cases, value: 2, quote: r}\n",
                            (5, 5), "cases (scope -, as of 2022-12-31) is already reported on line 4"),
    Code.DUPLICATE_TARGET: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets:\n"
                            "  - {id: a, title: t, metric: open, rule: achieved, quote: q}\n"
                            "  - {id: b, title: u, metric: open, rule: achieved, quote: r}\n", (5, 10),
                            "target 'b' makes the commitment of 'a' on line 4 (the same metric, rule, value and scope): "
                            "one commitment, counted twice; merge them, or say what differs"),
    Code.UNKNOWN_METRIC: ("targets/2022/testville.yaml", f"jurisdiction: testville\nyear: 2022\ntargets:\n  "
                          f"{TARGET.replace('cases', 'casez')}\n", (4, 2 + TARGET.index("cases") + 1),
                         "unknown metric 'casez'; did you mean 'cases'?"),
    Code.UNASSIGNED_METRIC: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures:\n"
                             "  - {metric: TODO, value: 3, quote: q}\n", (4, 14),
                             "metric not yet assigned: replace TODO with a metric id from rules/"),
    Code.UNKNOWN_RULE: ("targets/2022/testville.yaml", f"jurisdiction: testville\nyear: 2022\ntargets:\n  "
                        f"{TARGET.replace('at_least', 'atleast')}\n", (4, 2 + TARGET.index("at_least") + 1),
                        "unknown rule 'atleast' (known: about, achieved, at_least, at_most, equals, growth_at_least, "
                        "less_than, more_than); did you mean 'at_least'?"),
    Code.VALUE_MISSING: ("targets/2022/testville.yaml", f"jurisdiction: testville\nyear: 2022\ntargets:\n  "
                         f"{TARGET.replace(', value: 1', '')}\n", (4, 2 + TARGET.index("at_least") + 1),
                         "rule at_least needs a value"),
    Code.VALUE_FORBIDDEN: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets:\n"
                           "  - {id: a, title: t, metric: open, rule: achieved, value: 1, quote: q}\n",
                           (4, 60), "rule achieved takes no value"),
    Code.UNIT: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures:\n"
                "  - {metric: open, value: 3, quote: q}\n", (4, 27), "open is in boolean: its value must be true or false"),
    Code.EXPRESSION: ("rules/more.yaml", "metrics:\n  bad:\n    unit: case\n    derive: cases.__class__\n",
                      (4, 18), "'derive': unexpected character '.'"),
    Code.UNKNOWN_NAME: ("rules/more.yaml", "rules:\n  odd:\n    expr: actual > limit\n",
                        (3, 11), "expr may name only actual, value and baseline, not 'limit'"),
    Code.VALUE_NOT_IN_QUOTE: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets:\n"
                              "  - {id: a, title: t, metric: cases, rule: at_least, value: 12, quote: 立案21件}\n",
                              (4, 61), "the value 12 is none of the numbers its quote states (21)"),
    Code.PERCENT_AS_RATIO: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets:\n"
                            "  - {id: a, title: t, metric: rate, rule: at_least, value: 0.85, quote: 达85%以上}\n",
                            (4, 60), "0.85 is read as 0.85%, not 85%; write 85% if that is meant"),
    Code.RATIO_AS_PERCENT: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets:\n"
                            "  - {id: a, title: t, metric: share, rule: at_least, value: 85, quote: 达85%以上}\n",
                            (4, 61), "85 is a ratio of 85 (8500%), as the metric's unit is ratio; write 85% if that is meant"),
    Code.UNUSED_FIGURE: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures:\n"
                         "  - {metric: share, value: 3, quote: q}\n", (4, 5), "no target of 2022 or 2023 uses share"),
    Code.UNKNOWN_TARGET: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures: []\n"
                          "assertions:\n  - {asserts: [b], quote: 全面完成}\n", (5, 5),
                          "asserts names target 'b', which the 2022 plan does not have"),
    Code.UNKNOWN_DOCUMENT: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\n"
                            "documents: [{id: year-end}]\nfigures:\n  - {metric: cases, value: 3, source: q1, quote: 3}\n",
                            (5, 39), "source 'q1' is not one of the report's documents (listed: year-end)"),
    Code.JUDGED_WITHOUT_NOTE: ("outcomes/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\nfigures:\n"
                               "  - {metric: open, value: true, quote: 成立了服务站}\n", (4, 5),
                               "the quote repeats 0% of the words of target 'a' (line 4), under the 50% that would state "
                               "it done: a verdict on it is an evaluator's reading, which a note must explain"),
    Code.UNKNOWN_SCOPE: ("targets/2022/testville.yaml", "jurisdiction: testville\nyear: 2022\ntargets:\n"
                         "  - {id: a, title: t, metric: cases, rule: at_least, value: 1, scope: 市本级, quote: q}\n",
                         (4, 71), "unknown scope '市本级': declare it under scopes: in rules/ (declared: county)"),
    Code.PERIOD_YEAR: ("targets/2021-2025/testville.yaml", "jurisdiction: testville\nperiod: 2021-2025\ntargets:\n"
                       "  - {id: a, title: t, metric: cases, kind: reach, value: 10, base: {value: 5, year: 2021, quote: q}, "
                       "quote: q}\n", (4, 68), "the base year 2021 is not before the period 2021-2025"),
    Code.CYCLE: ("rules/more.yaml", "metrics:\n  x: {unit: case, derive: y + 1}\n  y: {unit: case, derive: x - 1}\n",
                 (2, 27), "derivations form a cycle: x → y → x"),
}
