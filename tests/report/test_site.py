"""`planaudit site`: a static site of the audit that holds together — every link to a page and an id
of the site, nothing fetched from elsewhere, a page in each language for each page of the other —,
escapes what the data says, and gives the same bytes for the same data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from acceptance_support import EXAMPLES, planaudit
from site_support import broken_links, read_site
from support import COUNT_METRICS, RepoBuilder

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


@pytest.fixture(scope="module")
def years_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site") / "site"
    run = planaudit("site", "--all", "-o", str(root), data="years", env=EPOCH)
    assert (run.returncode, run.stdout) == (0, "")
    assert "percent-as-ratio" in run.stderr  # the problems are said, as by check
    return root


def files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def test_the_site_has_an_overview_a_page_per_jurisdiction_and_per_target_in_each_language(years_site):
    written = set(files(years_site))
    assert {"index.html", "site.css", "site.js"} <= written
    for lang in ("en", "zh"):
        assert {f"{lang}/index.html", f"{lang}/j/riverton.html", f"{lang}/j/hillcounty.html",
                f"{lang}/t/riverton/legal-aid-growth.html", f"{lang}/t/hillcounty/publicity-events.html"} <= written
    english = {name.removeprefix("en/") for name in written if name.startswith("en/")}
    assert english == {name.removeprefix("zh/") for name in written if name.startswith("zh/")}


def test_every_link_leads_to_a_page_and_an_id_of_the_site(years_site):
    pages = read_site(years_site)
    assert len(pages) == 1 + 2 * (1 + 2 + 4)  # the root; per language: overview, 2 jurisdictions, 4 targets
    assert broken_links(years_site, pages) == []


def test_the_language_switch_keeps_the_page(years_site):
    for path, page in read_site(years_site).items():
        relative = path.relative_to(years_site.resolve()).as_posix()
        lang, _, rest = relative.partition("/")
        if lang not in ("en", "zh"):
            continue
        other = "zh" if lang == "en" else "en"
        switch = [url for tag, url, attributes in page.links if tag == "a" and attributes.get("hreflang")]
        assert len(switch) == 1 and (path.parent / switch[0]).resolve() == (years_site / other / rest).resolve()


def test_a_target_over_the_years_shows_each_year_s_verdict(years_site):
    text = (years_site / "en" / "t" / "riverton" / "publicity-events.html").read_text(encoding="utf-8")
    assert [int(year) for year in re.findall(r"<h2>(\d{4})</h2>", text)] == [2021, 2022, 2023]
    assert [verdict for verdict in re.findall(r'<span class="verdict-(\w+)">', text)] == ["met", "missed", "unmeasured"]


def test_a_verdict_links_to_its_evidence_and_its_documents(years_site):
    page = (years_site / "en" / "j" / "riverton.html").read_text(encoding="utf-8")
    row = re.search(r'<tr id="y2022-publicity-events">.*?</tr>', page, re.DOTALL)
    assert row is not None
    assert '<a class="verdict-missed" href="#y2022-publicity-events-evidence">missed (measured)</a>' in row.group()
    assert '<a href="#y2022-doc1">[1]</a>' in row.group() and "“开展普法活动1750场”" in row.group()
    assert re.search(r'<li id="y2022-doc1">《2022年全市司法工作要点》 · 河城市司法局 · ', page)


def test_the_overview_compares_and_draws_every_year(years_site):
    page = (years_site / "zh" / "index.html").read_text(encoding="utf-8")
    assert page.count("<svg role=\"img\"") == 1 + 3  # the years, then each year
    assert 'id="compare-jurisdiction" data-sortable' in page and 'data-filters="compare-jurisdiction"' in page
    assert "<title>河城市: 未达标 1</title>" in page


def test_the_same_data_gives_the_same_bytes(years_site, tmp_path):
    again = tmp_path / "again"
    assert planaudit("site", "2021", "2022", "2023", "-o", str(again), data="years", env=EPOCH).returncode == 0
    assert files(again) == files(years_site)


def test_what_the_data_says_is_text_on_every_page(tmp_path):
    hostile = '<script>alert(1)</script>" onmouseover="x'
    builder = RepoBuilder(tmp_path / "data").rules(COUNT_METRICS)
    builder.targets(f"- {{id: a, title: '{hostile}', metric: cases, rule: at_least, value: 1, quote: '{hostile}'}}")
    builder.outcomes(f"- {{metric: cases, value: 2, quote: '{hostile} 2件'}}")
    site = tmp_path / "site"
    run = planaudit("site", "2022", "-o", str(site), data=None, env={"PLANAUDIT_DATA": str(builder.root)})
    assert run.returncode == 0, run.stderr
    pages = read_site(site)
    for path in pages:
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text and '" onmouseover="' not in text
    assert broken_links(site, pages) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x" in (site / "en" / "j" / "testville.html").read_text(
        encoding="utf-8")


def test_a_jurisdiction_not_judged_is_named_and_the_run_exits_2(tmp_path):
    run = planaudit("site", "2022", "-o", str(tmp_path / "site"), data="partly-broken", env=EPOCH)
    assert run.returncode == 2
    overview = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "Not judged, because their files have errors" in overview


def test_the_site_of_the_bundled_data_holds_together(tmp_path):
    site = tmp_path / "site"
    run = planaudit("site", "--all", "-o", str(site), data=None, env={"PLANAUDIT_DATA": str(EXAMPLES.parent.parent)})
    assert run.returncode == 0, run.stderr
    pages = read_site(site)
    assert broken_links(site, pages) == [] and len(pages) > 300


CHINA = {"PLANAUDIT_DATA": str(EXAMPLES.parent.parent / "examples" / "china")}


def test_a_period_s_plans_have_a_page_as_progress_finds_them(tmp_path):
    site = tmp_path / "site"
    run = planaudit("site", "--all", "-o", str(site), data=None, env={**CHINA, **EPOCH})
    assert run.returncode == 0, run.stderr
    assert broken_links(site, read_site(site)) == []
    assert '<a href="p/2021-2025.html">' in (site / "en" / "index.html").read_text(encoding="utf-8")
    period = (site / "en" / "p" / "2021-2025.html").read_text(encoding="utf-8")
    followed = json.loads(planaudit("progress", "2021-2025", "--format", "json", data=None, env=CHINA).stdout)
    assert [target["id"] for target in followed["targets"]] == re.findall(r"<code>([\w-]+)</code>", period)


def test_a_jurisdiction_chosen_by_its_name_keeps_its_period_page(tmp_path):
    site = tmp_path / "site"
    run = planaudit("site", "--all", "-j", "全国", "-o", str(site), data=None, env={**CHINA, **EPOCH})
    assert run.returncode == 0, run.stderr
    assert (site / "zh" / "p" / "2021-2025.html").is_file() and broken_links(site, read_site(site)) == []
