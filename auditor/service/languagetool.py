"""LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``) over auditor's rules, for the CMS,
editor and browser plugins that already speak it.

LanguageTool's clients count offsets and lengths in UTF-16 code units (Java's and JavaScript's
string indices); auditor counts code points, so every offset is converted here. A text given as
annotated ``data`` is checked with its markup replaced by what it is to be read as
(``interpretAs``, else nothing), and offsets point into the whole original, markup included, as
LanguageTool's do.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from auditor import __version__, segment

# LanguageTool's issue types (from the W3C localization quality issue types); plugins colour
# matches by them ("misspelling" usually red, the rest yellow or blue).
ISSUE_TYPES = {
    "glued-token": "misspelling", "truncated-name": "misspelling", "name-variant": "inconsistency",
    "missing-space": "whitespace", "space-before-punct": "whitespace", "doubled-word": "duplication",
    "quote-garble": "typographical", "unbalanced-quote": "typographical", "mojibake": "typographical",
    "mid-sentence-capital": "typographical", "wrong-language": "locale-violation",
    "fragment": "grammar", "boilerplate": "style", "roundtrip-divergence": "mistranslation",
    "source-mismatch": "mistranslation",
}
# LanguageTool's categories (plugins group and filter matches by them), by what each rule finds.
CATEGORIES = {
    "glued-token": ("TYPOS", "Possible Typo"), "truncated-name": ("TYPOS", "Possible Typo"),
    "name-variant": ("TYPOS", "Possible Typo"), "missing-space": ("TYPOGRAPHY", "Typography"),
    "space-before-punct": ("TYPOGRAPHY", "Typography"), "mojibake": ("TYPOGRAPHY", "Typography"),
    "doubled-word": ("REDUNDANCY", "Redundancy"), "quote-garble": ("PUNCTUATION", "Punctuation"),
    "unbalanced-quote": ("PUNCTUATION", "Punctuation"), "mid-sentence-capital": ("CASING", "Capitalization"),
    "wrong-language": ("LOCALE", "Locale"), "fragment": ("GRAMMAR", "Grammar"),
    "boilerplate": ("STYLE", "Style"), "roundtrip-divergence": ("TRANSLATION", "Translation"),
    "source-mismatch": ("TRANSLATION", "Translation"),
}
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "fr": "French", "pt": "Portuguese"}
# The regional codes LanguageTool lists for each language auditor checks (its clients ask for them).
VARIANTS = {
    "en": ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA"),
    "es": ("es-ES", "es-AR", "es-MX"),
    "fr": ("fr-FR", "fr-BE", "fr-CA", "fr-CH"),
    "pt": ("pt-PT", "pt-BR", "pt-AO", "pt-MZ"),
}
CONTEXT_CHARS = 40  # characters of context on each side of a match, as LanguageTool gives


def languages() -> list[dict]:
    """``GET /v2/languages``: each language and regional variant auditor checks."""
    from auditor.languages import supported_languages

    out = []
    for code in supported_languages():
        out.append({"name": language_name(code), "code": code, "longCode": code})
        out += [{"name": language_name(variant), "code": code, "longCode": variant}
                for variant in VARIANTS.get(code, ())]
    return out


def base_language(code: str) -> str:
    """auditor's language for a LanguageTool code ("auto", "en", "en-US", "pt_BR"); raises
    ValueError for one auditor has no rules for."""
    from auditor.languages import supported_languages

    if code.strip().lower() == "auto":
        return "auto"
    base = code.strip().replace("_", "-").split("-")[0].lower()
    if base not in supported_languages():
        raise ValueError(f"unsupported language {code!r} (supported: auto, {', '.join(supported_languages())}, "
                         "with or without a region, e.g. en-US)")
    return base


def rule_choice(enabled: tuple[str, ...], disabled: tuple[str, ...], enabled_only: bool
                ) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(select, ignore) for LanguageTool's rule switches. Ids that are not auditor's are passed
    over, as LanguageTool passes over ids it does not know: clients send their own (e.g.
    ``WHITESPACE_RULE``). With ``enabledOnly`` only the enabled rules run, and none of them being
    auditor's is a ValueError (LanguageTool would check nothing)."""
    from auditor.rules import RULES

    enabled = tuple(r for r in enabled if r in RULES)
    disabled = tuple(r for r in disabled if r in RULES)
    if enabled_only:
        if not enabled:
            raise ValueError("enabledOnly=true needs enabledRules with at least one of auditor's rule ids "
                             "(GET /v1/rules lists them)")
        return tuple(r for r in enabled if r not in disabled), ()
    # Without enabledOnly every rule runs anyway (auditor has no rules that are off by default).
    return (), disabled


@dataclass(frozen=True)
class _Piece:
    checked_start: int  # where the piece starts in the checked text
    original_start: int  # and in the original, markup included
    checked_length: int
    original_length: int
    is_text: bool


class Mapping:
    """From offsets in the checked text to offsets in the original annotated text."""

    def __init__(self, pieces: list[_Piece], original: str) -> None:
        self.pieces = pieces
        self.starts = [p.checked_start for p in pieces]
        self.original = original

    def to_original(self, offset: int, is_end: bool) -> int:
        """The original offset of a checked one. Inside text the two move together; an offset
        inside what markup is read as goes to the markup's start, or its end for a span's end."""
        k = bisect.bisect_right(self.starts, offset) - 1
        if is_end and k > 0 and offset == self.pieces[k].checked_start:
            k -= 1  # an end that lands on a boundary belongs to the piece before it
        piece = self.pieces[max(k, 0)]
        inside = offset - piece.checked_start
        if piece.is_text:
            return piece.original_start + min(inside, piece.original_length)
        return piece.original_start + (piece.original_length if is_end and inside else 0)


def flatten(pieces: list[tuple[str, bool, str | None]]) -> tuple[str, Mapping]:
    """The text to check for annotated pieces (text, is_markup, interpret_as), and the mapping
    of its offsets back into the original (all pieces' text, markup included)."""
    checked: list[str] = []
    original: list[str] = []
    spans: list[_Piece] = []
    at_checked = at_original = 0
    for text, is_markup, interpret_as in pieces:
        read_as = (interpret_as or "") if is_markup else text
        spans.append(_Piece(at_checked, at_original, len(read_as), len(text), not is_markup))
        checked.append(read_as)
        original.append(text)
        at_checked += len(read_as)
        at_original += len(text)
    return "".join(checked), Mapping(spans, "".join(original))


class Utf16:
    """Code-point offsets of a text as UTF-16 code units: each character beyond the Basic
    Multilingual Plane (most emoji) is two units."""

    def __init__(self, text: str) -> None:
        self.astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def language_name(code: str) -> str:
    """LanguageTool's name for a code: "English", "English (US)"."""
    base, _, region = code.replace("_", "-").partition("-")
    name = LANGUAGE_NAMES.get(base.lower(), code)
    return f"{name} ({region.upper()})" if region else name


def answer(report, mapping: Mapping | None, code: str = "auto") -> dict:
    """LanguageTool's JSON answer for a checked report; ``code`` is the language the client asked
    for (named back unless it was "auto", as LanguageTool does)."""
    checked = report.document.text
    original = mapping.original if mapping is not None else checked
    units = Utf16(original)
    sentences = _Sentences(report.document)
    detected = language_name(report.language)
    asked = report.language if code.lower() == "auto" else code
    matches = []
    for f in report.findings:
        start, end = f.start, f.end
        if mapping is not None:
            start, end = mapping.to_original(start, False), max(mapping.to_original(end, True), mapping.to_original(start, False))
        matches.append(_match(f, original, start, end, units, sentences.around(f.start)))
    return {
        "software": {"name": "auditor", "version": __version__, "buildDate": None, "apiVersion": 1,
                     "premium": False, "status": ""},
        "warnings": {"incompleteResults": False},
        "language": {"name": language_name(asked), "code": asked,
                     "detectedLanguage": {"name": detected, "code": report.language, "confidence": 1.0}},
        "matches": matches,
    }


def _match(finding, text: str, start: int, end: int, units: Utf16, sentence: str) -> dict:
    lo, hi = max(0, start - CONTEXT_CHARS), min(len(text), end + CONTEXT_CHARS)
    context = text[lo:hi].replace("\n", " ")
    in_context = Utf16(context)
    return {
        "message": finding.message,
        "shortMessage": finding.rule.replace("-", " ").capitalize(),
        "replacements": [{"value": finding.suggestion}] if finding.suggestion is not None else [],
        "offset": units(start), "length": units(end) - units(start),
        "context": {"text": context, "offset": in_context(start - lo),
                    "length": in_context(end - lo) - in_context(start - lo)},
        "sentence": sentence,
        "type": {"typeName": "Other"},
        "rule": _rule(finding.rule),
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


@lru_cache(maxsize=None)
def _rule(rule_id: str) -> dict:
    """A match's "rule" object (the same for every match of the rule; the answer is encoded
    before anyone could change it)."""
    from auditor.rules import RULES

    rule = RULES.get(rule_id)
    description = rule.summary() if rule is not None else rule_id
    category, name = CATEGORIES.get(rule_id, ("MISC", "Miscellaneous"))
    return {"id": rule_id, "description": description, "issueType": ISSUE_TYPES.get(rule_id, "uncategorized"),
            "category": {"id": category, "name": name}}


class _Sentences:
    """The sentence around an offset of a checked document. Only the paragraphs that hold a
    match are split into sentences: splitting the whole document cost more than the rest of
    the answer."""

    def __init__(self, document) -> None:
        self.document = document
        self.paragraphs = segment.paragraphs(document.text, document.lines)
        self.starts = [s for s, _ in self.paragraphs]
        self._split: dict[int, list[tuple[int, int]]] = {}

    def around(self, offset: int) -> str:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k < 0 or offset > self.paragraphs[k][1]:
            return ""
        if k not in self._split:
            start, end = self.paragraphs[k]
            self._split[k] = segment.sentences(self.document.text, start, end, self.document.profile)
        text = self.document.text
        for start, end in self._split[k]:
            if start <= offset <= end:
                return text[start:end]
        return ""
