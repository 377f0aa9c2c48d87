"""Reading a site `planaudit site` wrote, as a browser would before running anything: every page's
links, sources and ids, so that tests can hold each link to a file and an anchor of the site."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Page:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, dict[str, str | None]]] = field(default_factory=list)  # (tag, url, attributes)
    text: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.page.ids.add(str(attributes["id"]))
        for name in ("href", "src", "action", "data", "poster"):
            if attributes.get(name) is not None:
                self.page.links.append((tag, str(attributes[name]), attributes))
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.page.links.append((tag, str(attributes.get("content", "")).split("url=", 1)[-1], attributes))

    def handle_data(self, data: str) -> None:
        self.page.text.append(data)


def read_site(root: Path) -> dict[Path, Page]:
    pages = {}
    for path in sorted(root.resolve().rglob("*.html")):
        page = Page(path)
        _Reader(page).feed(path.read_text(encoding="utf-8"))
        pages[path] = page
    return pages


def broken_links(root: Path, pages: dict[Path, Page]) -> list[str]:
    """Every link of the site that does not lead to a file of it (and, with a #, an id of that page),
    or that leaves it other than as a link to a document's web address."""
    broken = []
    for path, page in pages.items():
        for tag, url, attributes in page.links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                if not (tag == "a" and parts.scheme in ("http", "https") and attributes.get("rel") == "noopener noreferrer"):
                    broken.append(f"{path}: {tag} {url}")
                continue
            target = (path.parent / parts.path).resolve() if parts.path else path
            if root.resolve() not in target.parents or not target.is_file():
                broken.append(f"{path}: {url} (no file)")
            elif parts.fragment and parts.fragment not in pages[target].ids:
                broken.append(f"{path}: {url} (no id)")
    return broken
