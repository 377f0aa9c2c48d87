"""Clauses, their sections, and which of them are titles (a title sums up; it commits to nothing)."""

from __future__ import annotations

from planaudit.extract.plan import reads_as_commitment
from planaudit.extract.segment import clauses

TEXT = """一、加强队伍建设
（一）大力推进打造新时代“148”品牌。要根据部署，推出一批“党建+”品牌。
（二）建立调解工作室，开通热线。
二、深化改革，提升质效
三、开通热线，建立工作室。做好服务。
"""


def test_part_and_section_titles_are_marked():
    found = [(clause.line, clause.section, clause.text, clause.heading) for clause in clauses(TEXT)]
    assert found == [
        (1, "一", "加强队伍建设", True),  # a part's title
        (2, "一（一）", "大力推进打造新时代“148”品牌", True),  # a section's first sentence, one short phrase
        (2, "一（一）", "要根据部署", False),
        (2, "一（一）", "推出一批“党建+”品牌", False),
        (3, "一（二）", "建立调解工作室", False),  # a first sentence of two clauses is the body itself
        (3, "一（二）", "开通热线", False),
        (4, "二", "深化改革", True),  # a part's line of phrases, no sentence of its own: its title
        (4, "二", "提升质效", True),
        (5, "三", "开通热线", False),  # a part's line of sentences (。) is its body
        (5, "三", "建立工作室", False),
        (5, "三", "做好服务", False),
    ]


def test_a_title_s_number_is_still_a_commitment():
    title, body = clauses("（一）医患纠纷调解成功率达85%以上。要建立调解工作室。\n")
    assert (title.heading, reads_as_commitment(title, 2022)) == (True, True)  # 达85%以上 is a target's wording
    assert (body.heading, reads_as_commitment(body, 2022)) == (False, True)
    (part,) = clauses("一、加强队伍建设\n")
    assert (part.heading, reads_as_commitment(part, 2022)) == (True, False)
