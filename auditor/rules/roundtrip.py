"""Rules that need a translation engine or the source text: run with ``auditor check
--backtranslate`` or ``--source``."""

from __future__ import annotations

from typing import Iterable

import regex

from auditor.findings import Finding, Severity
from auditor.rules.base import Context, Rule, register

_PARAGRAPH = regex.compile(r"[^\n]*\S[^\n]*")


@register
class RoundtripDivergence(Rule):
    """A sentence that does not survive a round trip through another language: its quality
    estimate (round-trip chrF, BLEU and TER combined with fluency and artifact signals) falls below
    the threshold (``--bt-threshold``, default 8: the worst 8% of
    machine translation as human raters judge it).

    Garbled copy (glued words, a name cut off, a fragment) comes back changed from a trip through
    a pivot language, so this catches damage no other rule names. It only runs when asked
    (``--backtranslate``); the location is the span the trip changed most (a token split apart
    first, then a name that did not come back), and the message gives the round trip.
    """

    id = "roundtrip-divergence"
    severity = Severity.INFO

    def check(self, ctx: Context) -> Iterable[Finding]:
        if ctx.roundtripper is None:
            return
        from auditor.roundtrip import main_change

        for sent, trip in ctx.roundtrips:
            if trip.quality >= ctx.roundtrip_threshold:
                continue
            changes = [c for st in trip.sentences for c in st.changes]
            change = main_change(changes)
            if change is not None:
                start, end = sent.start + change.start, sent.start + change.end
                what = f"'{change.original}' came back as '{change.roundtrip}'" if change.roundtrip \
                    else f"'{change.original}' was lost"
            else:
                start, end, what = sent.start, sent.end, "the sentence came back reworded"
            yield self.finding(ctx, start, end,
                               f"round trip diverges (quality {trip.quality:.0f}, chrF {trip.scores.chrf:.0f}): "
                               f"{what}; round trip: \"{trip.roundtrip}\"")


@register
class SourceMismatch(Rule):
    """A number or a Latin-script name of the source that is missing from its translation.

    Runs only with ``--source``: the source and the translation are paired paragraph by paragraph
    (non-blank lines), and a number (ignoring separators, so 1,200 matches 1.200) or a
    capitalised name of the source must appear in the paired translation; names are matched with
    a similarity of 80 so a transliteration that changes a letter is not reported.
    """

    id = "source-mismatch"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        if ctx.source_text is None:
            return
        from auditor.quality import preservation

        src = [m.group() for m in _PARAGRAPH.finditer(ctx.source_text)]
        tgt = list(_PARAGRAPH.finditer(ctx.doc.text))
        if len(src) != len(tgt):
            yield self.finding(ctx, 0, tgt[0].end() if tgt else 0,
                               f"the source has {len(src)} paragraphs and the translation {len(tgt)}: "
                               "cannot pair them")
            return
        for source, m in zip(src, tgt):
            lost = preservation(source, m.group())
            for number in lost["numbers_missing"]:
                yield self.finding(ctx, m.start(), m.end(), f"number '{number}' of the source is missing here")
            for name in lost["names_missing"]:
                yield self.finding(ctx, m.start(), m.end(), f"name '{name}' of the source is missing here")
