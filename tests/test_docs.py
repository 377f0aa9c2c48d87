"""The documentation holds together: every relative link of the README and of docs/ reaches a file (and
a heading, where it names one, as GitHub and mkdocs both spell it), mkdocs lists every page, and the
site builds with --strict."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
DOCUMENTS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
CODE = re.compile(r"`[^`\n]*`")
LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")


def prose(text: str) -> str:
    """The text without its code blocks and code spans, where a bracket is no link."""
    return CODE.sub("", FENCE.sub("", text))


def headings(text: str) -> list[str]:
    return [line.lstrip("#").strip().replace("`", "").replace("*", "")
            for line in FENCE.sub("", text).splitlines() if re.match(r"#{1,6} ", line)]


def github_anchor(heading: str) -> str:
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def mkdocs_anchor(heading: str) -> str:  # Python-Markdown's toc.slugify, which mkdocs uses
    ascii_only = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", ascii_only).strip().lower())


def links() -> list[tuple[str, str]]:
    return [(document.relative_to(ROOT).as_posix(), target) for document in DOCUMENTS
            for target in LINK.findall(prose(document.read_text(encoding="utf-8")))
            if not re.match(r"[a-z]+:", target)]


def test_the_anchors_are_spelt_as_github_and_mkdocs_spell_them():
    assert github_anchor("Every commitment: planaudit coverage") == "every-commitment-planaudit-coverage"
    assert mkdocs_anchor("Comparing two revisions (planaudit diff)") == "comparing-two-revisions-planaudit-diff"
    assert github_anchor("a (b) c") == "a-b-c" != github_anchor("a (--b) c") == "a---b-c"
    assert mkdocs_anchor("a (--b) c") == "a-b-c"


def test_there_are_links_to_check():
    assert len(links()) > 20


@pytest.mark.parametrize(("document", "target"), links())
def test_every_relative_link_resolves(document, target):
    path, _, anchor = target.partition("#")
    linked = (ROOT / document).parent / path if path else ROOT / document
    assert linked.resolve().is_relative_to(ROOT) and linked.is_file(), target
    if anchor:
        found = headings(linked.read_text(encoding="utf-8"))
        assert anchor in {github_anchor(heading) for heading in found}, f"GitHub has no #{anchor} in {path}"
        assert anchor in {mkdocs_anchor(heading) for heading in found}, f"mkdocs has no #{anchor} in {path}"


def test_a_page_outside_docs_is_never_linked_from_docs():
    """mkdocs serves docs/ alone: from a page, a link out of it would be broken on the site."""
    for document, target in links():
        if document.startswith("docs/"):
            assert not target.startswith("../"), (document, target)


def nav_pages(entries: list) -> list[str]:
    pages = []
    for entry in entries:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages += nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_mkdocs_lists_every_page_once():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = nav_pages(config["nav"])
    assert sorted(pages) == sorted(page.name for page in (ROOT / "docs").glob("*.md"))
    assert len(pages) == len(set(pages))
    assert config["theme"]["name"] == "material"
    assert config["strict"] is True


def test_architecture_keeps_a_place_for_adding_a_field():
    assert "\n## Adding a field\n" in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


@pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("material") is None,
                    reason="mkdocs and mkdocs-material are not installed (pip install -e '.[docs]')")
@pytest.mark.process  # mkdocs, as CI runs it
@pytest.mark.long  # a contributor's `pytest` leaves it to `pytest -m long` (and .ci/run builds the site first)
def test_the_site_builds_strict(tmp_path):
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(tmp_path / "site")],
                           cwd=ROOT, capture_output=True, text=True, env=environment, timeout=60)
    assert (built.returncode, built.stderr) == (0, "")
    assert (tmp_path / "site" / "format" / "index.html").is_file()
