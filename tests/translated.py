"""What of a text said in Chinese is still English: the test of a translation's coverage."""

from __future__ import annotations

import re

# What stays as written in a Chinese message: names from the data, codes, paths, keys and keywords.
_KEPT = re.compile(r"0x[0-9a-f]+|'[^']*'|\"[^\"]*\"|（YAML 解析器：[^）]*）|\S*[._/<>:@=*&!-]\S*|"
                   r"\b(?:YAML|UTF|planaudit|git|diff|TODO|true|false|exact|lower|upper|value|baseline|actual|expr|derive|"
                   r"scopes|bound|jurisdiction|year|kind|plan|report|force|about|missed|unmeasured|inconsistent|never|zh|en|"
                   r"basis|items|conflict|source|approx|SLUG|GBK|GB18030)\b")


def untranslated(text: str, data: str = "") -> list[str]:
    """The English words of ``text`` that are not names from the data (``data``: the words it holds)."""
    names = set(re.findall(r"[A-Za-z_]+", data))
    return [word for word in re.findall(r"[A-Za-z]{3,}", _KEPT.sub(" ", text)) if word not in names]
