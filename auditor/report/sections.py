"""The report's sections of charts and tables, each a ``<section>`` with an id the page's
navigation links to. A section with nothing to draw says so in words rather than drawing an
empty chart."""

from __future__ import annotations

from html import escape
from typing import Any

from auditor.report.svg import Row, Series, fmt, histogram, horizontal_bars

MAX_LANGUAGES = 20  # the rest are drawn as one "other" bar
MAX_CLUSTERS = 25
KEPT_REJECTED = (Series("kept", "kept"), Series("rejected", "rejected"))
ONE = (Series("series-0", ""),)


def section(section_id: str, heading: str, body: str) -> str:
    return (f'<section id="{section_id}" aria-labelledby="{section_id}-h">'
            f'<h2 id="{section_id}-h">{escape(heading)}</h2>{body}</section>')


def note(text: str) -> str:
    return f'<p class="note">{escape(text)}</p>'


def score_section(stats: dict[str, Any]) -> str:
    hist = stats["score_histogram"]
    chart = histogram("score", "Records by document score (0–100, higher is cleaner)", hist["edges"], hist["counts"])
    empty = note("No records were scored.") if not sum(hist["counts"]) else ""
    return section("score", "Score distribution", chart + empty)


def quality_section(stats: dict[str, Any]) -> str:
    hist = stats["quality_histogram"]
    if hist is None:
        body = note("Not round-tripped: this run had no back-translation, so there is no quality "
                    "distribution (auditor clean --backtranslate gives one).")
    else:
        body = histogram("quality", "Records by round-trip quality", hist["edges"], hist["counts"])
        if not sum(hist["counts"]):
            body += note("Round-tripping was on, but no record got a quality score.")
    return section("quality", "Round-trip quality distribution", body)


def rules_section(stats: dict[str, Any]) -> str:
    found, records = stats["rules"], stats["rules_records"]
    if not found:
        return section("rules", "Findings per rule", note("No findings."))
    ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))
    chart = horizontal_bars("rules", "Findings per rule", [Row(rule, (n,)) for rule, n in ranked], ONE,
                            unit="findings")
    rows = "".join(f'<tr><td><code>{escape(rule)}</code></td><td class="num">{fmt(n)}</td>'
                   f'<td class="num">{fmt(records[rule]) if rule in records else "–"}</td></tr>'
                   for rule, n in ranked)
    table = ('<table class="rules"><thead><tr><th>rule</th><th class="num">findings</th>'
             f'<th class="num">records with it</th></tr></thead><tbody>{rows}</tbody></table>')
    return section("rules", "Findings per rule", chart + table)


def languages_section(stats: dict[str, Any]) -> str:
    languages = stats["languages"]
    if not languages:
        return section("languages", "Per language", note("No languages were recorded."))
    ranked = sorted(languages.items(), key=lambda item: (-item[1]["read"], item[0]))
    rows = [Row(lang, (c["kept"], c["rejected"])) for lang, c in ranked[:MAX_LANGUAGES]]
    rest = ranked[MAX_LANGUAGES:]
    if rest:
        rows.append(Row(f"other ({len(rest)} languages)",
                        (sum(c["kept"] for _, c in rest), sum(c["rejected"] for _, c in rest))))
    chart = horizontal_bars("languages", "Kept and rejected records per language", rows, KEPT_REJECTED)
    return section("languages", "Per language", chart)


def reasons_section(stats: dict[str, Any]) -> str:
    reasons = stats["rejection_reasons"]
    if not reasons:
        return section("reasons", "Rejection reasons", note("No record was rejected."))
    ranked = sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    chart = horizontal_bars("reasons", "Rejected records per reason (a record may have several)",
                            [Row(reason, (n,)) for reason, n in ranked], ONE, unit="records")
    return section("reasons", "Rejection reasons", chart)


def entities_section(stats: dict[str, Any]) -> str:
    clusters = stats["entity_clusters"]
    if not clusters:
        return section("entities", "Entity spelling variants",
                       note("No entity had more than one spelling (or names were not normalised)."))
    ranked = sorted(clusters, key=lambda c: (-len(c["variants"]), -sum(c["variants"].values()), c["canonical"]))
    rows = "".join(_cluster_row(c) for c in ranked[:MAX_CLUSTERS])
    table = ('<table id="entity-clusters"><thead><tr><th>canonical</th><th class="num">spellings</th>'
             '<th class="num">mentions</th><th>variants (mentions)</th></tr></thead>'
             f'<tbody>{rows}</tbody></table>')
    more = note(f"The {MAX_CLUSTERS} largest of {len(clusters)} clusters.") if len(clusters) > MAX_CLUSTERS else ""
    return section("entities", "Entity spelling variants", table + more)


def _cluster_row(cluster: dict[str, Any]) -> str:
    variants = sorted(cluster["variants"].items(), key=lambda item: (-item[1], item[0]))
    listed = ", ".join(f"{escape(spelling)} ({fmt(n)})" for spelling, n in variants)
    return (f'<tr><td>{escape(cluster["canonical"])}</td><td class="num">{len(variants)}</td>'
            f'<td class="num">{fmt(sum(cluster["variants"].values()))}</td><td>{listed}</td></tr>')
