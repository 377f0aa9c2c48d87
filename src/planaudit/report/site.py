"""`planaudit site`: the audit as a static site, in each language — an overview (charts drawn here as
inline SVG, the comparison of jurisdictions, sortable and filterable), a page per jurisdiction (every
verdict with what it rests on, its evidence, the documents cited, the arithmetic of `explain`, the
inconsistent figures), a page per target over the years, and a page per period with plans (what
`progress` finds of a five-year plan).

Each language's pages are written by a reporter of its own, fed as every format of `check` is: a
jurisdiction's part of its page is made in the worker that judged it (:meth:`SiteReporter.piece`),
and the pages are written once every part is in (:meth:`SiteReporter.end`). Every string from the
data is escaped for HTML; a link leaves the site only to a document's own web address, and nothing
is fetched: the stylesheet and the script are files of the site. The same data gives the same
bytes (the date is SOURCE_DATE_EPOCH's, when set).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from planaudit._version import __version__
from planaudit.model.comparison import Combined, Ranked, Row, ranked, rows_of
from planaudit.model.grouping import MIN_MEASURED, Grouping
from planaudit.model.period import ProgressResult
from planaudit.model.result import Inconsistency, JurisdictionResult, Overview, TargetResult, Verdict, YearOverview
from planaudit.read.text import printable
from planaudit.report.base import Reporter
from planaudit.report.compare import HEADINGS, CompareCells
from planaudit.report.display import (
    actual_text,
    cited_documents,
    document_cells,
    figure_place,
    grounds_text,
    inconsistency_texts,
    note_text,
    threshold_text,
    verdict_text,
)
from planaudit.report.explain import render_explanation
from planaudit.report.i18n import REASONS, VERDICTS, WORDS, coverage_line, date_text, summary_line
from planaudit.report.language import LANGUAGES
from planaudit.report.markdown import report_date
from planaudit.report.progress import WORDS as PROGRESS_WORDS
from planaudit.report.progress import (
    base_text,
    end_text,
    history_text,
    latest_cells,
    rollup_text,
    status_text,
    title_text,
)

STYLESHEET_FILE, SCRIPT_FILE = "site.css", "site.js"
CHARTED = (Verdict.MET, Verdict.MISSED, Verdict.PARTLY, Verdict.UNMEASURED)  # a bar's parts, in order
COLOURS = {Verdict.MET: "#1a7f37", Verdict.MISSED: "#b42318", Verdict.PARTLY: "#e8a33d", Verdict.UNMEASURED: "#c9c9a3"}


def esc(text: object) -> str:
    """Text from the data, shown literally in HTML (an attribute's value too)."""
    return html.escape(printable(str(text)), quote=True)


@dataclass(frozen=True)
class SitePiece:
    """What a judged jurisdiction adds to the site: its year's part of its page, each target's part of
    its page over the years, and its rows of the comparison."""

    year: int
    slug: str
    name: str
    section: str
    targets: list[tuple[str, str, str]]  # (id, title, its year's part of the target's page)
    rows: list[Row]


class SiteReporter(Reporter[SitePiece], CompareCells):
    """The site in one language, under ``directory``/``lang``/."""

    def __init__(self, *args: Any, directory: Path, min_measured: int = MIN_MEASURED,
                 periods: Sequence[ProgressResult] = (), **options: Any) -> None:
        super().__init__(*args, **options)
        self.directory = directory
        self.min_measured = min_measured
        self.periods = periods  # `progress` of each period with plans, a page each

    def begin(self, overview: Overview, out: TextIO) -> None:
        super().begin(overview, out)
        self.sections: dict[str, list[str]] = {}  # a jurisdiction's page: a part per year
        self.names: dict[str, str] = {}
        self.targets: dict[tuple[str, str], list[str]] = {}  # a target's page: a part per year
        self.titles: dict[tuple[str, str], str] = {}
        self.rows = Combined()

    def piece(self, result: JurisdictionResult) -> SitePiece:
        groupings = (Grouping.JURISDICTION, Grouping.METRIC, Grouping.RULE)
        return SitePiece(result.year, result.slug, result.name, self._year_section(result),
                         [(item.target.id, item.target.title, self._target_year(result, item)) for item in result.results],
                         rows_of(result, groupings))

    def add(self, piece: SitePiece) -> None:
        self.sections.setdefault(piece.slug, []).append(piece.section)
        self.names[piece.slug] = piece.name
        for target_id, title, part in piece.targets:
            self.targets.setdefault((piece.slug, target_id), []).append(part)
            self.titles[(piece.slug, target_id)] = title
        self.rows.add(piece.rows)

    def end(self, overview: Overview) -> None:
        words = WORDS[self.lang]
        self._write("index.html", words["report_title"].format(year=overview.span), self._overview(overview))
        for slug, sections in self.sections.items():
            self._write(f"j/{slug}.html", f"{self.names[slug]} ({slug})",
                        f"<h1>{esc(self.names[slug])} <span class=muted>({esc(slug)})</span></h1>\n" + "".join(sections))
        for (slug, target_id), parts in self.targets.items():
            title = self.titles[(slug, target_id)]
            body = (f"<h1>{esc(title)}</h1>\n<p class=muted><a href=\"../../j/{esc(slug)}.html\">{esc(self.names[slug])}"
                    f" ({esc(slug)})</a> · <code>{esc(target_id)}</code> · {esc(words['site_over_years'])}</p>\n"
                    + "".join(parts))
            self._write(f"t/{slug}/{target_id}.html", title, body)
        for result in self.periods:
            self._write(f"p/{result.period}.html", title_text(result, self.lang), self._period(result))

    def _period(self, result: ProgressResult) -> str:
        """A period's plans as `progress` finds them: the roll-up, then per jurisdiction each target's
        status year by year, its latest figure, p, e, the gap and what it needs each year."""
        words = PROGRESS_WORDS[self.lang]
        years = [str(year) for year in range(result.first, result.as_of + 1)]
        headers = [words["target"], words["base"], words["end"], *years, words["data"], words["covered"],
                   words["expected"], words["gap"], words["needed"], words["history"]]
        head = "".join(f"<th scope=col>{esc(header)}</th>" for header in headers)
        parts = [f"<h1>{esc(title_text(result, self.lang))}</h1>",
                 f"<p class=headline>{esc(rollup_text(result, self.lang))}</p>"]
        for slug, name in result.names.items():
            rows = []
            for item in (item for item in result.targets if item.target.jurisdiction == slug):
                target = item.target
                cells = [esc(base_text(target, item.unit, self.lang)), esc(end_text(target, item.unit, item.symbol, self.lang)),
                         *(esc(status_text(year, self.lang)) for year in item.years),
                         *(esc(text) for text in latest_cells(item, self.lang)), esc(history_text(item, self.lang))]
                rows.append(f"<tr><td>{esc(target.title)}<br><code>{esc(target.id)}</code> "
                            f"<span class=muted>{esc(self.place(target.location))}</span></td>"
                            + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
            parts.append(f"<section class=jurisdiction><h2>{esc(name)} <span class=muted>({esc(slug)})</span></h2>\n"
                         f"<div class=table-wrap><table><thead><tr>{head}</tr></thead><tbody>\n"
                         + "\n".join(rows) + "\n</tbody></table></div></section>")
        return "\n".join(parts) + "\n"

    # --- pages ------------------------------------------------------------------------------------

    def _write(self, path: str, title: str, body: str) -> None:
        """A page of this language at ``path`` (under its folder), with its header, switch and footer."""
        words = WORDS[self.lang]
        depth = path.count("/")
        up = "../" * (depth + 1)  # to the site's root
        here = "../" * depth  # to this language's root
        other = next(lang for lang in LANGUAGES if lang != self.lang)
        generated = words["site_generated"].format(date=date_text(report_date(), self.lang), version=__version__)
        page = (f"<!DOCTYPE html>\n<html lang=\"{WORDS[self.lang]['html_lang']}\">\n<head>\n<meta charset=\"utf-8\">\n"
                f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                f"<title>{esc(title)} — planaudit</title>\n<link rel=\"stylesheet\" href=\"{up}{STYLESHEET_FILE}\">\n"
                f"</head>\n<body>\n<header><nav aria-label=\"{esc(words['site_navigation'])}\">"
                f"<a href=\"{here}index.html\">{esc(words['site_overview'])}</a>"
                f"<a href=\"{up}{other}/{path}\" lang=\"{WORDS[other]['html_lang']}\" hreflang=\"{WORDS[other]['html_lang']}\">"
                f"{WORDS[other]['language_name']}</a></nav></header>\n<main>\n{body}</main>\n"
                f"<footer>{esc(generated)}</footer>\n<script src=\"{up}{SCRIPT_FILE}\"></script>\n</body>\n</html>\n")
        target = self.directory / self.lang / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8", newline="\n")

    def _overview(self, overview: Overview) -> str:
        words = WORDS[self.lang]
        parts = [f"<h1>{esc(words['report_title'].format(year=overview.span))}</h1>",
                 f"<p class=headline>{esc(coverage_line(self.lang, overview.summary))}</p>"]
        if overview.several:
            bars = [(str(year.year), _verdict_counts(year)) for year in overview.years]
            parts.append(self._chart(words["site_years_chart"], bars, "chart-years"))
        for year in overview.years:
            parts.append(f"<p>{esc(summary_line(self.lang, year.year, year.summary))}</p>")
            if year.not_judged:
                parts.append(f"<p class=verdict-missed>{esc(words['not_judged'].format(slugs=', '.join(year.not_judged)))}</p>")
            if year.names:
                parts.append(self._chart(words["chart_title"].format(year=year.year), _jurisdiction_bars(year),
                                         f"chart-{year.year}"))
        for grouping in (Grouping.JURISDICTION, Grouping.METRIC, Grouping.RULE):
            parts.append(self._comparison(grouping, ranked(self.rows.of(grouping), self.min_measured), overview.several))
        if self.periods:
            links = "".join(f"<li><a href=\"p/{result.period}.html\">{esc(title_text(result, self.lang))}</a> — "
                            f"{esc(rollup_text(result, self.lang))}</li>" for result in self.periods)
            parts.append(f"<h2>{esc(words['site_periods'])}</h2>\n<ul>{links}</ul>")
        return "\n".join(parts) + "\n"

    def _chart(self, title: str, bars: Sequence[tuple[str, dict[Verdict, int]]], ident: str) -> str:
        """A stacked bar per row, its targets by verdict, drawn in whole pixels: an SVG image with its
        title, each part's count as its own title, and the same numbers in words below it."""
        words = WORDS[self.lang]
        label, plot, height, gap = 220, 520, 20, 8
        most = max((sum(counts.values()) for _, counts in bars), default=0) or 1
        shapes = []
        for index, (name, counts) in enumerate(bars):
            top = index * (height + gap)
            shapes.append(f"<text x=\"0\" y=\"{top + 15}\">{esc(_clip(name, 24))}</text>")
            left = label
            for verdict in CHARTED:
                count = counts.get(verdict, 0)
                width = max(count * plot // most, 1) if count else 0  # a part too small to draw still shows, beside the next
                if count:
                    shapes.append(f"<rect x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" "
                                  f"fill=\"{COLOURS[verdict]}\"><title>{esc(name)}: {esc(VERDICTS[self.lang][verdict])} "
                                  f"{count}</title></rect>")
                left += width
            shapes.append(f"<text x=\"{left + 4}\" y=\"{top + 15}\">{sum(counts.values())}</text>")
        total_height = max(len(bars) * (height + gap), height)
        described = "; ".join(f"{name}: " + ", ".join(f"{VERDICTS[self.lang][verdict]} {counts.get(verdict, 0)}"
                                                      for verdict in CHARTED) for name, counts in bars)
        legend = "".join(f"<li><span style=\"background:{COLOURS[verdict]}\"></span>{esc(VERDICTS[self.lang][verdict])}</li>"
                         for verdict in CHARTED)
        return (f"<figure>\n<figcaption id=\"{ident}\">{esc(title)}</figcaption>\n"
                f"<svg role=\"img\" aria-labelledby=\"{ident} {ident}-desc\" viewBox=\"0 0 {label + plot + 60} {total_height}\" "
                f"width=\"{label + plot + 60}\" height=\"{total_height}\" xmlns=\"http://www.w3.org/2000/svg\">"
                f"<desc id=\"{ident}-desc\">{esc(described)}</desc>{''.join(shapes)}</svg>\n"
                f"<ul class=legend aria-label=\"{esc(words['site_legend'])}\">{legend}</ul>\n</figure>")

    def _comparison(self, grouping: Grouping, rows: list[Ranked], several: bool) -> str:
        """A table of the comparison, sortable by any column and filtered by what a row says."""
        words = WORDS[self.lang]
        ident = f"compare-{grouping.value}"
        headers = [words["rank"], *([words["year"]] if several else []), *self.key_headers(grouping),
                   *self.count_headers(grouping, rows)]
        head = "".join(f"<th scope=col><button type=button>{esc(header)}</button></th>" for header in headers)
        body = []
        for row in rows:
            keys = self.key_cells(row.row)
            if grouping is Grouping.JURISDICTION:
                keys[0] = f"<a href=\"j/{esc(keys[0])}.html\">{esc(keys[0])}</a>"
            else:
                keys = [esc(key) for key in keys]
            cells = [f"<td class=number data-value=\"{row.rank or ''}\">{esc(self.rank_text(row))}</td>",
                     *([f"<td>{row.row.year}</td>"] if several else []), *(f"<td>{key}</td>" for key in keys)]
            cells += [f"<td class=number data-value=\"{value}\">{esc(text)}</td>"
                      for text, value in zip(self.count_cells(row, rows), self.count_values(row, rows), strict=True)]
            body.append(f"<tr>{''.join(cells)}</tr>")
        status = words["site_shown"]
        return (f"<h2>{esc(words[HEADINGS[grouping]])}</h2>\n"
                f"<p class=filter><label for=\"{ident}-filter\">{esc(words['site_filter'])}</label> "
                f"<input type=search id=\"{ident}-filter\" data-filters=\"{ident}\" aria-describedby=\"{ident}-shown\"> "
                f"<span id=\"{ident}-shown\" class=muted aria-live=polite data-template=\"{esc(status)}\"></span></p>\n"
                f"<div class=table-wrap><table id=\"{ident}\" data-sortable>\n<thead><tr>{head}</tr></thead>\n"
                f"<tbody>\n" + "\n".join(body) + "\n</tbody></table></div>\n"
                f"<p class=muted>{esc(words['few_measured_note'].format(count=self.min_measured))}</p>")

    def _year_section(self, result: JurisdictionResult) -> str:
        """A jurisdiction's year: its counts, every verdict, its inconsistent figures, its documents."""
        words = WORDS[self.lang]
        documents = cited_documents(result)
        numbers = {document: index for index, (_, document) in enumerate(documents, 1)}
        rows = "\n".join(self._target_row(result, number, item, numbers) for number, item in enumerate(result.results, 1))
        parts = [f"<section class=year aria-labelledby=\"y{result.year}\">\n<h2 id=\"y{result.year}\">{result.year}</h2>",
                 f"<p class=headline>{esc(summary_line(self.lang, result.year, result.summary))}</p>",
                 "<div class=table-wrap><table>\n<thead><tr>" + "".join(
                     f"<th scope=col>{esc(header)}</th>" for header in
                     ("#", words["target"], words["threshold"], words["actual"], words["verdict"], words["evidence"]))
                 + f"</tr></thead>\n<tbody>\n{rows}\n</tbody></table></div>"]
        if result.inconsistencies:
            parts.append(self._inconsistencies(result.inconsistencies))
        if documents:
            items = "".join(self._document(result.year, number, path, document)
                            for number, (path, document) in enumerate(documents, 1))
            parts.append(f"<h3>{esc(words['sources'])}</h3>\n<ol>{items}</ol>")
        return "\n".join(parts) + "\n</section>\n"

    def _target_row(self, result: JurisdictionResult, number: int, item: TargetResult, numbers: dict[Any, int]) -> str:
        target = item.target
        anchor = f"y{result.year}-{target.id}"
        cited = [numbers[document] for document in _documents_of(item) if document in numbers]
        documents = " ".join(f"<a href=\"#y{result.year}-doc{index}\">[{index}]</a>" for index in cited)
        verdict = (f"<a class=\"verdict-{item.verdict.value}\" href=\"#{anchor}-evidence\">"
                   f"{esc(verdict_text(item, self.lang))}</a>")
        return (f"<tr id=\"{anchor}\"><td class=number>{number}</td>"
                f"<td><a href=\"../t/{esc(result.slug)}/{esc(target.id)}.html\">{esc(target.title)}</a>"
                f"<br><code>{esc(target.id)}</code> <span class=muted>{esc(self.place(target.location))}</span></td>"
                f"<td>{esc(threshold_text(item, self.lang))}</td><td>{esc(actual_text(item, self.lang))}</td>"
                f"<td>{verdict} {documents}</td><td id=\"{anchor}-evidence\">{self._evidence(item)}</td></tr>")

    def _evidence(self, item: TargetResult) -> str:
        """The quotes a verdict rests on, each with its file, line and document; why, and how (explain)."""
        words = WORDS[self.lang]
        quotes = [f"<li>“{esc(figure.provenance.quote)}” <span class=muted>({esc(figure_place(figure, self.folder))})"
                  f"{esc(note_text(figure, self.lang))}</span></li>" for figure in item.evidence()]
        if item.assertion is not None:
            quotes.append(f"<li>“{esc(item.assertion.quote)}” <span class=muted>({esc(item.assertion.place(self.folder))})"
                          "</span></li>")
        reason = f"{REASONS[self.lang][item.reason]}" + (f" · {grounds_text(item, self.lang)}" if item.grounds else "")
        return (("<ul>" + "".join(quotes) + "</ul>" if quotes else "") + f"<span class=muted>{esc(reason)}</span>"
                f"<details><summary>{esc(words['site_how'])}</summary>"
                f"<pre>{esc(render_explanation(item, self.lang, self.folder))}</pre></details>")

    def _inconsistencies(self, found: Sequence[Inconsistency]) -> str:
        words = WORDS[self.lang]
        rows = []
        for item in found:
            stated, derived = inconsistency_texts(item)
            rows.append(f"<tr><td>{esc(item.metric.label.text(self.lang))}</td><td>{esc(stated)}</td>"
                        f"<td>{esc(derived)}</td><td>“{esc(item.figure.provenance.quote)}” "
                        f"<span class=muted>({esc(figure_place(item.figure, self.folder))})</span></td></tr>")
        head = "".join(f"<th scope=col>{esc(words[key])}</th>" for key in ("metric", "stated", "derived_value", "evidence"))
        return (f"<h3>{esc(words['inconsistencies'])}</h3>\n<div class=table-wrap><table><thead><tr>{head}</tr></thead>"
                f"<tbody>{''.join(rows)}</tbody></table></div>")

    def _document(self, year: int, number: int, path: str, document: Any) -> str:
        title, issuer, date, url = document_cells(document, self.lang)
        shown = f"《{esc(title)}》" if title else esc(self.in_repository(path))
        web = url.startswith(("https://", "http://"))  # validate holds a url to these; a link to no other scheme
        link = f" <a href=\"{esc(url)}\" rel=\"noopener noreferrer\">{esc(url)}</a>" if web else ""
        said = " · ".join(esc(part) for part in (issuer, date) if part)
        return (f"<li id=\"y{year}-doc{number}\">{shown}{' · ' + said if said else ''}{link} "
                f"<span class=muted>({esc(self.in_repository(path))})</span></li>")

    def _target_year(self, result: JurisdictionResult, item: TargetResult) -> str:
        """A target's year on its page over the years: what it asked, what the report gave, the verdict."""
        words = WORDS[self.lang]
        rows = [(words["threshold"], esc(threshold_text(item, self.lang))), (words["actual"], esc(actual_text(item, self.lang))),
                (words["verdict"], f"<span class=\"verdict-{item.verdict.value}\">{esc(verdict_text(item, self.lang))}</span>"),
                (words["evidence"], self._evidence(item))]
        cells = "".join(f"<tr><th scope=row>{esc(name)}</th><td>{value}</td></tr>" for name, value in rows)
        return (f"<section class=year><h2>{result.year}</h2><p>“{esc(item.target.provenance.quote)}” "
                f"<span class=muted>(<a href=\"../../j/{esc(result.slug)}.html#y{result.year}-{esc(item.target.id)}\">"
                f"{esc(self.place(item.target.location))}</a>)</span></p>\n<table>{cells}</table></section>\n")




def _verdict_counts(year: YearOverview) -> dict[Verdict, int]:
    summary = year.summary
    return {Verdict.MET: summary.met + summary.asserted, Verdict.MISSED: summary.missed, Verdict.PARTLY: summary.partly,
            Verdict.UNMEASURED: summary.unmeasured}


def _jurisdiction_bars(year: YearOverview) -> list[tuple[str, dict[Verdict, int]]]:
    return [(name, {Verdict.MET: counts.met + counts.asserted, Verdict.MISSED: counts.missed,
                    Verdict.PARTLY: counts.partly, Verdict.UNMEASURED: counts.unmeasured})
            for slug, name in year.names.items() for counts in (year.summaries[slug],)]


def _documents_of(item: TargetResult) -> list[Any]:
    found = [item.target.provenance.document, *(figure.provenance.document for figure in item.evidence())]
    if item.assertion is not None:
        found.append(item.assertion.document)
    return list(dict.fromkeys(document for document in found if document is not None))


def _clip(text: str, most: int) -> str:
    return text if len(text) <= most else text[:most - 1] + "…"


def write_assets(directory: Path, languages: Sequence[str]) -> None:
    """The stylesheet, the script, and the root page that sends a reader to a language's overview."""
    from planaudit.report.site_assets import SCRIPT, STYLESHEET

    directory.mkdir(parents=True, exist_ok=True)
    (directory / STYLESHEET_FILE).write_text(STYLESHEET, encoding="utf-8", newline="\n")
    (directory / SCRIPT_FILE).write_text(SCRIPT, encoding="utf-8", newline="\n")
    links = "".join(f"<li><a href=\"{lang}/index.html\" lang=\"{WORDS[lang]['html_lang']}\">"
                    f"{WORDS[lang]['language_name']}</a></li>" for lang in languages)
    first = languages[0]
    (directory / "index.html").write_text(
        f"<!DOCTYPE html>\n<html lang=\"{WORDS[first]['html_lang']}\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={first}/index.html\">\n<title>planaudit</title>\n"
        f"<link rel=\"stylesheet\" href=\"{STYLESHEET_FILE}\">\n</head>\n<body>\n<main>\n<h1>planaudit</h1>\n<ul>{links}</ul>\n"
        f"</main>\n</body>\n</html>\n", encoding="utf-8", newline="\n")
