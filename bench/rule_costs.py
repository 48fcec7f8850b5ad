"""Where `auditor check`'s time goes: each rule's CPU seconds per MB, and the shared analyses.

    python bench/speed.py --rules [--mb 2] [--passes 3] [--seeds]

Used by ``bench/speed.py --rules``. The analyses that several rules share (the document build
with its word index and language detection, sentences, page furniture, the name index, ...)
are computed lazily by whichever rule asks first; here each is forced ahead of the rules and
charged to its own line (marked ``~``), so a rule's line is its own work. Each line is the best
of the passes, in s/MB and as a multiple of the same pure-Python baseline pass that
``bench/speed.py`` times (so figures compare across machines and moments).
"""

from __future__ import annotations

import time
from collections import defaultdict
from typing import Callable

# The shared analyses, in the order the rules would first need them: (label, how to force it
# from the document and the rules' context). One that an older checkout lacks is skipped.
_SHARED: list[tuple[str, Callable]] = [
    ("lower_forms", lambda doc, ctx: doc.words.lower_forms),
    ("lines", lambda doc, ctx: doc.lines),
    ("lower_text", lambda doc, ctx: doc.lower_text),
    ("sentences", lambda doc, ctx: doc.sentences),
    ("boilerplate", lambda doc, ctx: ctx.boilerplate),
    ("running", lambda doc, ctx: ctx.running_sentences()),
    ("word_counts", lambda doc, ctx: doc.word_counts),
    ("capitalised", lambda doc, ctx: doc.capitalised),
    ("names", lambda doc, ctx: ctx.names),
]


def _one_pass(docs: list[str], checker, context, baseline: Callable[[str], int]) -> dict[str, float]:
    clock = time.process_time
    spent: dict[str, float] = defaultdict(float)
    t0 = clock()
    for text in docs:  # timed as a whole: a clock read per document would weigh on so short a pass
        baseline(text)
    spent["baseline"] = clock() - t0
    for i, text in enumerate(docs):
        t0 = clock()
        doc = checker._document(text, f"doc{i}", None)
        spent["~document"] += clock() - t0
        findings: list = []
        ctx = context(doc, findings=findings)
        for label, force in _SHARED:
            t0 = clock()
            try:
                force(doc, ctx)
            except AttributeError:
                continue
            spent["~" + label] += clock() - t0
        for rule in checker.rules:
            if rule.languages is not None and doc.language not in rule.languages:
                continue
            t0 = clock()
            findings.extend(rule.check(ctx))
            spent[rule.id] += clock() - t0
    return spent


def rule_costs(docs: list[str], passes: int, baseline: Callable[[str], int]) -> None:
    """Print each rule's and each shared analysis's best time over ``passes``, per MB."""
    from auditor import check_text
    from auditor.checker import Checker
    from auditor.lexicon import preload
    from auditor.rules import Context

    mb = sum(len(d.encode("utf-8")) for d in docs) / 1_000_000
    preload()
    for d in docs[:16]:
        check_text(d)  # phrase tables compiled, as after a batch run's first files
    checker = Checker()
    best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(passes):
        for label, seconds in _one_pass(docs, checker, Context, baseline).items():
            best[label] = min(best[label], seconds)
    base = best.pop("baseline")
    total = sum(best.values())
    print(f"per rule ({len(docs)} documents, {mb:.1f} MB, best of {passes} passes; ~ = shared analysis):")
    for label, seconds in sorted(best.items(), key=lambda kv: -kv[1]):
        print(f"  {label:24s} {seconds / mb:7.3f} s/MB  {seconds / base:6.2f}x baseline")
    print(f"  {'TOTAL':24s} {total / mb:7.3f} s/MB  {total / base:6.2f}x baseline")
