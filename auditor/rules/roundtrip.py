"""Rules that need a translation engine or the source text: run with ``auditor check
--backtranslate`` or ``--source``."""

from __future__ import annotations

from dataclasses import dataclass

from typing import Iterable

import regex

from auditor.findings import Finding, Severity
from auditor.languages.exonyms import is_place, normal_form, place_spellings
from auditor.rules.base import Context, Rule, register

_PARAGRAPH = regex.compile(r"[^\n]*\S[^\n]*")
# Words of a name: letters, with inner apostrophes and hyphens split off ("Amir-Abdollahian").
_WORDS = regex.compile(r"\p{L}+", regex.V1)
# The same, leaving out what follows an apostrophe: contractions and elisions (I've, L’équipe).
_NAME_WORDS = regex.compile(r"(?<!['’\p{L}])\p{L}+", regex.V1)
_CONJUNCTION = regex.compile(r"\s+(?:y|e|et|and|und|&)\s+")


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

    The quality estimate's artifact signal is the findings the other rules made inside the
    sentence, so this rule runs last (``runs_last``) and no rule runs twice on a document.
    """

    id = "roundtrip-divergence"
    severity = Severity.INFO
    runs_last = True

    @dataclass(frozen=True)
    class Options:
        # Report sentences whose quality estimate is below this (0-100).
        threshold: float = 8.0

    def check(self, ctx: Context) -> Iterable[Finding]:
        if ctx.roundtripper is None:
            return
        from auditor.roundtrip.align import main_change

        threshold = ctx.options_of(self).threshold
        for sent, trip in ctx.roundtrips:
            if trip.quality >= threshold:
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
    (non-blank lines). A number (ignoring separators, so 1,200 matches 1.200) must appear in the
    paired translation. A name of the source (a run of capitalised words, as ``auditor entities``
    finds them) must have a counterpart there: the same name, a transliteration of it
    (``Haniyeh``/``Haniya``, by the name matcher's token similarity) or, for a place, its name in
    another language (``Lisboa``/``Lisbon``, ``Porto``/``Oporto``: ``auditor/data/exonyms.tsv``).
    A name made only of the source language's common words or titles (``Ministério da Saúde``)
    is translated, not kept, so it is not required. When the paragraphs do not pair, names are
    looked for in the whole translation. One finding per paragraph lists everything it misses
    (the checker keeps one finding per rule and span), and each missing name is reported once,
    where it first goes missing.
    """

    id = "source-mismatch"
    severity = Severity.WARNING

    def check(self, ctx: Context) -> Iterable[Finding]:
        if ctx.source_text is None:
            return
        from auditor.roundtrip.quality import preservation

        source, text = ctx.source_text, ctx.doc.text
        src = list(_PARAGRAPH.finditer(source))
        tgt = list(_PARAGRAPH.finditer(text))
        # One finding per paragraph lists all it misses: findings of one rule on one span are one.
        if len(src) != len(tgt):
            message = f"the source has {len(src)} paragraphs and the translation {len(tgt)}: cannot pair them"
            if tgt:  # the whole source against the whole translation
                names = _missing_names(source, [(0, len(source))], text, [(0, len(text))]).get(0, [])
                if names:
                    message += "; " + _missing_message([], names, "from the whole translation")
            yield self.finding(ctx, 0, tgt[0].end() if tgt else 0, message)
            return
        missing = _missing_names(source, [m.span() for m in src], text, [m.span() for m in tgt])
        for k, (s, m) in enumerate(zip(src, tgt)):
            numbers = preservation(s.group(), m.group())["numbers_missing"]
            if numbers or k in missing:
                yield self.finding(ctx, m.start(), m.end(), _missing_message(numbers, missing.get(k, []), "here"))


def _missing_message(numbers: list[str], names: list[tuple[str, int]], where: str) -> str:
    """"number '1.200' and name 'Lisboa' of the source are missing here"; a name also missing
    from later paragraphs says how many."""
    items = [f"number '{n}'" for n in numbers]
    for name, later in names:
        more = f" (also from {later} later paragraph{'s' if later > 1 else ''})" if later else ""
        items.append(f"name '{name}'{more}")
    listed = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    return f"{listed} of the source {'is' if len(items) == 1 else 'are'} missing {where}"


def _missing_names(source: str, src_spans: list[tuple[int, int]], text: str,
                   tgt_spans: list[tuple[int, int]]) -> dict[int, list[tuple[str, int]]]:
    """Paragraph index -> (name, how many later paragraphs also miss it) for each source name
    with no counterpart in the translation paragraph paired with its own (``tgt_spans[k]`` for
    source paragraph k), reported at the first paragraph that misses it."""
    from auditor.langid import detect

    lang = detect(source)
    targets: dict[tuple[int, int], _Target] = {}
    missed: dict[str, list] = {}  # the name's normal form -> [name, first paragraph, count]
    for start, name, parts in _source_names(source, lang):
        k = next((i for i, (a, b) in enumerate(src_spans) if a <= start < b), None)
        if k is None:
            continue
        span = tgt_spans[k]
        target = targets.get(span) or targets.setdefault(span, _Target(text[span[0]:span[1]]))
        if target.has_counterpart(name, parts):
            continue
        key = normal_form(name)
        if key not in missed:
            missed[key] = [name, k, set()]
        missed[key][2].add(k)
    out: dict[int, list[tuple[str, int]]] = {}
    for name, k, paragraphs in missed.values():
        out.setdefault(k, []).append((name, len(paragraphs) - 1))
    return out


def _source_names(source: str, lang: str) -> list[tuple[int, str, list[str]]]:
    """(offset, name, distinctive words) of each name of the source that a translation must
    keep: the mentions ``auditor entities`` finds, where a place opening a sentence (which the
    mention finder drops as an ordinary capital when the language uses the word: Lisboa, Nova
    Iorque) is restored, and a frequent word that only opens a sentence (Anyone, Finalmente) is
    left out."""
    from auditor.document import Document
    from auditor.languages import supported_languages
    from auditor.lexicon import zipf
    from auditor.names.mentions import find_mentions

    doc = Document(source, lang)
    openings = [o for o in map(lambda sent: _opening_place(doc, sent), doc.sentences) if o]
    first_words = {t.start for sent in doc.sentences for t in sent.tokens[:3] if t.is_word}
    mentions = [(m.start, m.end, m.text) for m in find_mentions(doc)
                if not any(m.start < e and s < m.end for s, e, _ in openings)]
    out = []
    for start, end, name in sorted(part for m in mentions + openings for part in _split_list(*m)):
        first = _WORDS.match(name)
        if start in first_words and " " not in name and not is_place(name) and first \
                and max(zipf(first.group().lower(), code) for code in supported_languages()) >= 4.5:
            # "Anyone said", "Finalmente, ...": a capital that only opens the sentence (in any of
            # the languages: a short source's language is a guess).
            continue
        parts = _distinctive_words(name, doc)
        if parts or is_place(name):
            out.append((start, name, parts))
    return out


def _split_list(start: int, end: int, name: str) -> list[tuple[int, int, str]]:
    """A run of capitals joined by a conjunction is a list of names ("Sevilla y Valparaíso"),
    each of which the translation must keep."""
    out, pos = [], 0
    for m in _CONJUNCTION.finditer(name):
        out.append((start + pos, start + m.start(), name[pos:m.start()]))
        pos = m.end()
    out.append((start + pos, end, name[pos:]))
    return out


def _opening_place(doc, sent) -> tuple[int, int, str] | None:
    """The longest run of up to four words opening ``sent`` that names a place in the exonym
    table, when the document does not also use its first word in lower case."""
    words = [t for t in sent.tokens[:8] if t.is_word][:4]
    if not words or not words[0].text[0].isupper() or doc.word_counts.get(words[0].text.lower()):
        return None
    for n in range(len(words), 0, -1):
        start, end = words[0].start, words[n - 1].end
        if is_place(doc.text[start:end]):
            return start, end, doc.text[start:end]
    return None


def _distinctive_words(name: str, doc) -> list[str]:
    """The words of ``name`` that identify it: not a particle, a function word, a title, a
    month or weekday, nor a common word of the language unless it names a place."""
    from auditor.lexicon import is_common_word
    from auditor.names.keys import PARTICLES

    profile = doc.profile
    ordinary = (profile.function_words | profile.title_words | profile.months | profile.weekdays
                | profile.abbreviations | PARTICLES)
    out = []
    for word in _NAME_WORDS.findall(name):
        low = word.lower()
        if len(word) < 2 or low in ordinary or word.isupper():
            continue  # an acronym is translated too (EU/UE, UN/ONU); places are in the table
        if is_place(word) or not is_common_word(word, doc.language):
            out.append(word)
    return out


class _Target:
    """One paragraph (or the whole) of the translation, ready to be searched for names."""

    def __init__(self, text: str) -> None:
        from auditor.lexicon import fold

        self.phrases = f" {normal_form(text)} "
        words = _WORDS.findall(text)
        # Single words are looked for among the capitalised ones: "US" is a name, "us" is not.
        self.capitalised = {normal_form(w) for w in words if w[0].isupper()}
        self.words = {fold(w) for w in words if len(w) >= 2}

    def has_form(self, form: str) -> bool:
        """Whether the translation writes this normal form (a phrase, or one capitalised word)."""
        return f" {form} " in self.phrases if " " in form else form in self.capitalised

    def has_counterpart(self, name: str, parts: list[str]) -> bool:
        """The name itself, a place's name in another language, or a transliteration of one of
        its distinctive words."""
        from auditor.lexicon import fold
        from auditor.names.similarity import TOKEN_MATCH, token_similarity

        forms = {normal_form(name)} | place_spellings(name)
        for word in parts:
            forms |= place_spellings(word)
        if any(self.has_form(f) for f in forms):
            return True
        for word in parts:
            w = fold(word)
            if w in self.words or any(token_similarity(w, other) >= TOKEN_MATCH for other in self.words):
                return True
        return False
