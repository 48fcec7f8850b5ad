"""The furniture phrase tables' prefilters: what a whole-line phrase may open with, and the
lookahead built from it, which must never turn away a line that the phrases match."""

from __future__ import annotations

import random
import re

import pytest

import auditor.furniture as furniture
import auditor.furniture_phrases as furniture_phrases
import auditor.pattern_openings as pattern_openings
from auditor.document import Document
from auditor.furniture_phrases import opening_guard, phrase_table
from auditor.pattern_openings import _sre, _sre_parse, openings
from auditor.languages import get_profile

LANGUAGES = ("en", "es", "fr", "pt")
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT}


def _sample(items, rng: random.Random) -> str:
    """A string that a match of the parsed pattern ``items`` may be (assertions are ignored,
    so a sample may not match: the tests keep those that do)."""
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(chr(av))
        elif op is _sre.IN:
            out.append(_class_sample(av, rng))
        elif op is _sre.ANY or op is _sre.NOT_LITERAL:
            out.append(rng.choice("ax .9,-"))
        elif op in _REPEATS:
            low, high, body = av
            out.extend(_sample(body, rng) for _ in range(rng.randint(low, min(high, low + 3))))
        elif op is _sre.SUBPATTERN:
            out.append(_sample(av[-1], rng))
        elif op is _sre.BRANCH:
            out.append(_sample(rng.choice(av[1]), rng))
    return "".join(out)


def _class_sample(members, rng: random.Random) -> str:
    kind, value = rng.choice(members)
    if kind is _sre.LITERAL:
        return chr(value)
    if kind is _sre.RANGE:
        return chr(rng.randint(*value))
    if kind is _sre.CATEGORY:
        return {_sre.CATEGORY_DIGIT: "7", _sre.CATEGORY_SPACE: " "}.get(value, "k")
    return rng.choice("ax .9,-")  # a negated class: the sample may not match


def _lines(code: str, rng: random.Random) -> list[str]:
    """Lines built from every whole-line phrase of ``code``: alone, after marks, before a colon,
    two of them between separators, and a phrase followed by prose."""
    table = phrase_table(get_profile(code))
    phrases = [*table.line_phrases, table.stamp_source]
    samples = [_sample(_sre_parse.parse(p), rng) for p in phrases for _ in range(12)]
    lines = []
    for s in samples:
        other = rng.choice(samples)
        lines += [s, f"» {s}", f"— {s} —", f"{s}:", f"{s} | {other}", f"{s} • {other}", f"{s} the port reopened"]
    return lines


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_opening_lookahead_never_turns_away_a_line_the_phrases_match(code):
    table = phrase_table(get_profile(code))
    unguarded = re.compile(table.whole_line_source)  # the twin without its lookahead
    assert table.whole_line_lower is not None and table.whole_line_lower.pattern.startswith("(?=")
    matched = 0
    for line in _lines(code, random.Random(15)):
        line = line.lower()
        expected = unguarded.fullmatch(line) is not None
        assert (table.whole_line_lower.fullmatch(line) is not None) == expected, (code, line)
        matched += expected
    assert matched > 1000


@pytest.mark.parametrize("code, prose, furniture", [
    ("en", "the port of velmora reopened on monday.", "source link"),
    ("es", "la junta del puerto volvió a reunirse.", "deja una respuesta"),
    ("fr", "le conseil du port s'est réuni mardi.", "laisser un commentaire"),
    ("pt", "os estivadores disseram que vão esperar.", "compartilhe"),
])
def test_the_opening_lookahead_turns_away_lines_of_prose(code, prose, furniture):
    table = phrase_table(get_profile(code))
    guard = re.compile(opening_guard([*table.line_phrases, table.stamp_source]))
    assert guard.match(prose) is None
    assert guard.match(furniture) and guard.match("» anything at all")


def test_openings_read_literals_classes_repeats_and_branches():
    assert openings(r"ad(?:vert)?", 3) == {(frozenset("a"), frozenset("d"), "end"), (frozenset("a"), frozenset("d"), frozenset("v"))}
    assert openings(r"(?:\d+ )?comments?", 2) == {(frozenset("c"), frozenset("o")), (r"\d", r"\d"), (r"\d", frozenset(" "))}
    tag = tuple(map(frozenset, "tag:"))
    assert openings(r"\btags?:.*", 5) == {(*map(frozenset, "tags:"),), (*tag, None), (*tag, "end")}
    # Anything at the start, or a match that may be empty, tells nothing.
    assert openings(r"[^.]{0,60}") is None and openings(r"x*") is None and openings(r".x") is None
    assert openings(r"(a)\1") is None  # a back reference is beyond this reading


def test_openings_of_a_parse_tree_of_another_shape_are_unknown(monkeypatch):
    """A later Python may change the internal parse tree: the reading gives up, never raises."""
    class Stub:
        @staticmethod
        def parse(pattern):
            return [("NEW-OP", None, 1)]
    monkeypatch.setattr(pattern_openings, "_sre_parse", Stub)
    assert openings("read more") is None
    monkeypatch.setattr(pattern_openings, "_sre_parse", None)  # no internal parser at all
    assert openings("read more") is None


FURNISHED = ("The port of Velmora reopened on Monday after a week of talks.\n\nRead more\n"
             "Leave a Reply\nUpdated 3 hours ago\nShare on Facebook | Share on Twitter\n"
             "The dockers said they would wait.")


def test_without_the_lookahead_the_tables_find_the_same_furniture(monkeypatch):
    guarded = furniture.find_boilerplate(Document(FURNISHED, language="en"))
    assert guarded  # the text has furniture to find
    monkeypatch.setattr(furniture_phrases, "openings_pattern", lambda phrases: None)
    monkeypatch.setattr(furniture_phrases, "_TABLES", {})
    monkeypatch.setattr(furniture, "_TABLES_FOR", {})
    table = phrase_table(get_profile("en"))
    assert table.whole_line_lower is not None and not table.whole_line_lower.pattern.startswith("(?=")
    assert furniture.find_boilerplate(Document(FURNISHED, language="en")) == guarded


def _lines_by_find(low: str, starts: list[int], tables) -> dict[int, set]:
    """The suspect lines of each literal as one str.find per line finds them (the reference)."""
    import bisect

    found: dict[int, set] = {}
    for table in tables:
        for lit, ids in table.by_literal.items():
            pos = low.find(lit)
            while pos != -1:
                line = bisect.bisect_right(starts, pos + len(lit) - len(lit.lstrip())) - 1
                found.setdefault(line, set()).update(ids)
                if line + 1 >= len(starts):
                    break
                pos = low.find(lit, starts[line + 1])
    return found


@pytest.mark.parametrize("code", ["en", "es", "fr", "pt"])
def test_the_literal_finder_finds_the_lines_that_a_find_per_literal_finds(code):
    from auditor.furniture import _tables
    from auditor.furniture_phrases import literal_finder

    tables = _tables(code)
    finder = literal_finder(tables)
    literals = [lit for t in tables for lit in t.by_literal]
    pieces = literals + ["\n", " \n ", "“", "é", "x", " ", "  ", "ç"]
    rng = random.Random(5)
    for _ in range(300):
        low = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        starts = sorted({0, *(i + 1 for i, ch in enumerate(low) if ch == "\n" and rng.random() < 0.8)})
        expected = _lines_by_find(low, starts, tables)
        got: dict[int, set] = {}
        for line, ids in finder.lines(low, starts):
            got.setdefault(line, set()).update(ids)
        assert got == expected, low
