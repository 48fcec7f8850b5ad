"""The whole page: head (with a policy that forbids every script and every fetch, so the page is
offline by construction and an escaping slip could not run anything), the summary and the sections.
"""

from __future__ import annotations

from html import escape
from typing import Any

from auditor.report.sample import sample_section
from auditor.report.sections import (entities_section, languages_section, note, quality_section,
                                     reasons_section, rules_section, score_section, section)
from auditor.report.svg import fmt
from auditor.report.theme import CSS

POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
NAV = (("summary", "Summary"), ("score", "Scores"), ("quality", "Quality"), ("rules", "Rules"),
       ("languages", "Languages"), ("reasons", "Reasons"), ("entities", "Entities"),
       ("rejected", "Rejected records"))
MAX_INPUTS = 10


def render_report(stats: dict[str, Any], title: str = "auditor report") -> str:
    """The self-contained HTML report for ``stats`` (as :func:`auditor.report.load_stats` returns
    it): charts as inline SVG, no script, nothing fetched."""
    sections = (summary_section(stats), score_section(stats), quality_section(stats), rules_section(stats),
                languages_section(stats), reasons_section(stats), entities_section(stats),
                sample_section(stats))
    nav = "".join(f'<a href="#{anchor}">{name}</a>' for anchor, name in NAV)
    return ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="generator" content="auditor {escape(stats["auditor_version"])}">'
            f'<title>{escape(title)}</title><style>{CSS}</style></head>\n'
            f'<body><main><h1>{escape(title)}</h1><nav aria-label="sections">{nav}</nav>\n'
            + "\n".join(sections) + "\n</main></body></html>\n")


def summary_section(stats: dict[str, Any]) -> str:
    read = stats["read"]
    cards = "".join((
        _card("read", read, "records read"),
        _card("kept", stats["kept"], f"kept ({_share(stats['kept'], read)})"),
        _card("rejected", stats["rejected"], f"rejected ({_share(stats['rejected'], read)})"),
        _card("unreadable", stats["unreadable"], "unreadable (among rejected)"),
        _card("elapsed", _duration(stats["elapsed_s"]), "elapsed"),
        _card("docs-per-s", f"{stats['docs_per_s']:,.1f}", "documents / s"),
        _card("mb-per-s", f"{stats['mb_per_s']:,.2f}", f"MB / s ({stats['bytes'] / 1e6:,.1f} MB)"),
    ))
    body = f'<div class="cards">{cards}</div>' + _accounting(stats) + _facts(stats)
    return section("summary", "Summary", body)


def _card(key: str, value: int | str, what: str) -> str:
    shown = fmt(value) if isinstance(value, int) else value
    return (f'<div class="card {key}" data-stat="{key}"><span class="n">{escape(shown)}</span>'
            f'<span class="what">{escape(what)}</span></div>')


def _share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "–"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min {secs:02d} s"


def _accounting(stats: dict[str, Any]) -> str:
    """A visible warning when the totals do not add up: every record must be kept or rejected."""
    missing = stats["read"] - stats["kept"] - stats["rejected"]
    if not missing:
        return ""
    return (f'<p class="warning" role="alert">read {fmt(stats["read"])} ≠ kept {fmt(stats["kept"])} + '
            f'rejected {fmt(stats["rejected"])}: {fmt(abs(missing))} records '
            f'{"unaccounted for" if missing > 0 else "counted twice"}.</p>')


def _facts(stats: dict[str, Any]) -> str:
    inputs = stats["inputs"]
    listed = ", ".join(f"<code>{escape(name)}</code>" for name in inputs[:MAX_INPUTS])
    if len(inputs) > MAX_INPUTS:
        listed += f" and {len(inputs) - MAX_INPUTS} more"
    workers = stats["workers"]
    workers = f" × {workers} worker{'s' if workers != 1 else ''}" if workers else ""
    id_field = f"<code>{escape(stats['id_field'])}</code>" if stats["id_field"] else "none"
    facts = (("inputs", listed or "–"),
             ("executor", escape(stats["executor"] or "–") + workers),
             ("text field / id field", f"<code>{escape(stats['field'])}</code> / {id_field}"),
             ("configuration signature", f"<code>{escape(stats['config_signature'] or '–')}</code>"),
             ("auditor version", escape(stats["auditor_version"] or "–")))
    rows = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in facts)
    return f'<dl class="facts">{rows}</dl>' + ("" if stats["read"] else note("The run read no records."))
