"""The audit site's one stylesheet and one script (`planaudit site`), written beside its pages: nothing
is fetched from elsewhere — no font, no library, no CDN. The script only sorts and filters the tables
that ask for it; every page reads whole without it."""

from __future__ import annotations

STYLESHEET = """\
:root { --met: #1a7f37; --missed: #b42318; --partly: #b54708; --unmeasured: #6b6b00; --ink: #1f2328;
        --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --head: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei",
       sans-serif; color: var(--ink); background: var(--bg); }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem; }
header nav { display: flex; flex-wrap: wrap; gap: 1rem; border-bottom: 1px solid var(--line); padding-bottom: 0.5rem; }
a { color: #0550ae; }
a:focus, button:focus, input:focus, summary:focus { outline: 3px solid #0969da; outline-offset: 2px; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; } h3 { font-size: 1.1rem; }
.headline { font-weight: 600; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: var(--head); }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.verdict-met { color: var(--met); font-weight: 600; } .verdict-missed { color: var(--missed); font-weight: 600; }
.verdict-partly { color: var(--partly); font-weight: 600; } .verdict-unmeasured { color: var(--unmeasured); }
.muted, footer { color: var(--muted); font-size: 0.9rem; }
.filter { margin: 0.5rem 0; } .filter input { font: inherit; padding: 0.2rem 0.4rem; min-width: 16rem; }
figure { margin: 1rem 0; } figcaption { font-weight: 600; }
svg { max-width: 100%; height: auto; } svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; font-size: 0.9rem; }
.legend span { display: inline-block; width: 0.9rem; height: 0.9rem; margin-right: 0.3rem; vertical-align: -0.1rem; }
pre { white-space: pre-wrap; background: var(--head); padding: 0.5rem; border: 1px solid var(--line); }
.jurisdiction + .jurisdiction { margin-top: 2rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; } th, td { padding: 0.2rem 0.3rem; } .filter input { min-width: 0; width: 100%; }
}
@media print {
  header nav, .filter, script { display: none; }
  a { color: inherit; text-decoration: none; }
  details > summary { display: none; } details::details-content { content-visibility: visible; display: block; }
  .jurisdiction, .year { break-before: page; } .table-wrap { overflow: visible; }
  tr { break-inside: avoid; }
}
"""

SCRIPT = """\
"use strict";
(function () {
  function cellValue(row, index) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-value");
    return value === null ? cell.textContent.trim() : value;
  }
  function compare(a, b) {
    var x = parseFloat(a), y = parseFloat(b);
    if (!isNaN(x) && !isNaN(y) && String(x) === a && String(y) === b) { return x - y; }
    return a < b ? -1 : a > b ? 1 : 0;
  }
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    table.querySelectorAll("thead th").forEach(function (th, index) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var body = table.tBodies[0];
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        Array.prototype.slice.call(body.rows).map(function (row, place) { return [row, place]; })
          .sort(function (a, b) {
            var order = compare(cellValue(a[0], index), cellValue(b[0], index));
            return (ascending ? order : -order) || a[1] - b[1];
          })
          .forEach(function (pair) { body.appendChild(pair[0]); });
      });
    });
  });
  window.addEventListener("beforeprint", function () {  // where ::details-content is not styled: open them to print
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      details.setAttribute("data-opened-to-print", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-opened-to-print]").forEach(function (details) {
      details.open = false;
      details.removeAttribute("data-opened-to-print");
    });
  });
  document.querySelectorAll("input[data-filters]").forEach(function (input) {
    var table = document.getElementById(input.getAttribute("data-filters"));
    var status = document.getElementById(input.getAttribute("aria-describedby"));
    input.addEventListener("input", function () {
      var wanted = input.value.trim().toLowerCase();
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var keep = wanted === "" || row.textContent.toLowerCase().indexOf(wanted) !== -1;
        row.hidden = !keep;
        shown += keep ? 1 : 0;
      });
      if (status) { status.textContent = status.getAttribute("data-template").replace("{shown}", shown); }
    });
  });
})();
"""
