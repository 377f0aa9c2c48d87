"""JSON text as ``json.dumps(document, ensure_ascii=False, indent=2)`` writes it, ten times faster,
with ``##[`` written ``##\u005b`` so that no string can command a CI runner (see :mod:`workflow`).

orjson writes the same text for the same document (a test holds it to that); what orjson refuses,
such as a lone surrogate that a YAML escape can put into a title, is written by the json module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from planaudit.report.workflow import json_text


def dumps(document: Any) -> str:
    """The document as indented JSON text, ending with a newline."""
    import orjson  # here: the command line imports this module at start-up, and most runs write no JSON

    try:
        text = orjson.dumps(document, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return json_text(text)


_LIST_MARK = "\u0000planaudit list: "  # a value no document of ours holds: where a streamed list goes
_MARKED_LIST = re.compile(r'\[\n +"\\u0000planaudit list: (?P<key>[^"]+)"\n(?P<indent> *)\]')


def items(values: list[Any], depth: int) -> str:
    """``values`` as they stand inside a list at ``depth`` of an indented document, without the
    brackets and the newlines around them; '' when there are none. Such texts, joined by ",\\n",
    are what :func:`write_document` writes for a list."""
    if not values:
        return ""
    text = dumps(values)  # "[\n  item,\n  item\n]\n": each item at depth 1
    pad = "  " * (depth - 1)
    inner = text[2:-3]
    return pad + inner.replace("\n", "\n" + pad) if pad else inner


def streamed(name: str) -> list[str]:
    """A stand-in, in a document given to :func:`write_document`, for the list named ``name``."""
    return [_LIST_MARK + name]


def write_document(document: Any, lists: Mapping[str, Iterable[str]], out: TextIO) -> None:
    """Write ``document`` as :func:`dumps` would, each :func:`streamed` stand-in replaced by its
    list from ``lists``: the texts :func:`items` made for its pieces, in order."""
    text = dumps(document)
    position = 0
    for match in _MARKED_LIST.finditer(text):
        out.write(text[position:match.start()])
        pieces = (piece for piece in lists[match["key"]] if piece)
        first = next(pieces, None)
        if first is None:
            out.write("[]")
        else:
            out.write("[\n")
            out.write(first)
            for piece in pieces:
                out.write(",\n")
                out.write(piece)
            out.write("\n" + match["indent"] + "]")
        position = match.end()
    out.write(text[position:])

