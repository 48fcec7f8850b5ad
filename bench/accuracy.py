"""Detection accuracy against hand-annotated seeds, and false alarms on clean copy.

    python bench/accuracy.py [--verbose]

Prints recall per artifact kind, precision, and false alarms per 1,000 words on clean documents
(../shared/eval/seeds_gold.jsonl; a finding is a hit when its span overlaps an annotated span, and
spans annotated `ignore` count neither way). Also prints false alarms per 1,000 words on the
WMT23 zh-en segments that all three MQM raters found error-free, and on the NTREX clean
professional news in every language variant (../shared/eval/ntrex_news: en, es, fr, pt-PT, pt-BR):
words, findings, findings per 1,000 words, per rule, and the share of articles with at least one
finding and with a score below 90. `--verbose` lists every finding with its context.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor import check_text  # noqa: E402
from bench._shared import require_shared  # noqa: E402

KIND_OF_RULE = {
    "glued-token": "glued_token", "truncated-name": "truncated_name", "name-variant": "name_variant",
    "quote-garble": "quote_garble", "unbalanced-quote": "unbalanced_quote",
    "mid-sentence-capital": "mid_sentence_capital", "missing-space": "missing_space",
    "space-before-punct": "space_before_punct", "doubled-word": "doubled_word", "fragment": "fragment",
    "boilerplate": "boilerplate", "wrong-language": "wrong_language", "mojibake": "mojibake",
}


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def repair_gold(text: str, artifacts: list[dict]) -> tuple[list[dict], int]:
    """Annotations repeated with identical offsets stand for later occurrences of the same text
    (the annotator searched from the start each time); move each repeat to the next occurrence."""
    seen: dict[tuple[int, int], int] = {}
    fixed, moved = [], 0
    for a in artifacts:
        key = (a["start"], a["end"])
        if key in seen and a["kind"] != "ignore":
            pos = text.find(a["span"], seen[key])
            if pos != -1:
                a = dict(a, start=pos, end=pos + len(a["span"]))
                seen[key] = a["end"]
                moved += 1
        else:
            seen[key] = a["end"]
        fixed.append(a)
    return fixed, moved


def seeds(shared: Path, verbose: bool) -> None:
    gold = [json.loads(line) for line in (shared / "eval" / "seeds_gold.jsonl").open(encoding="utf-8")]
    recall_hits: Counter = Counter()
    recall_strict: Counter = Counter()
    recall_total: Counter = Counter()
    tp = fp = 0
    clean_findings = clean_words = 0
    false_positives = []
    moved_total = 0
    for entry in gold:
        text = (shared / "seeds" / entry["file"]).read_text(encoding="utf-8")
        arts, moved = repair_gold(text, entry["artifacts"])
        moved_total += moved
        report = check_text(text, entry["file"])
        ignore = [a for a in arts if a["kind"] == "ignore"]
        real = [a for a in arts if a["kind"] != "ignore"]
        for a in real:
            recall_total[a["kind"]] += 1
            hits = [f for f in report.findings if overlaps(f.start, f.end, a["start"], a["end"])]
            if hits:
                recall_hits[a["kind"]] += 1
            if any(KIND_OF_RULE.get(f.rule) == a["kind"] for f in hits):
                recall_strict[a["kind"]] += 1
            elif verbose:
                print(f"  missed {a['kind']:<22} {entry['file']}:{a['start']} {a['span'][:60]!r}")
        for f in report.findings:
            if any(overlaps(f.start, f.end, a["start"], a["end"]) for a in real):
                tp += 1
            elif any(overlaps(f.start, f.end, a["start"], a["end"]) for a in ignore):
                continue
            else:
                fp += 1
                false_positives.append((entry["file"], f))
        if not real:
            clean_findings += len(report.findings)
            clean_words += entry["words"]

    print("== seeds (../shared/eval/seeds_gold.jsonl)")
    if moved_total:
        print(f"   gold repair: {moved_total} repeated annotation(s) moved to the next occurrence of their text")
    print(f"   {'kind':<22} {'recall':>7} {'same-rule':>10} {'n':>4}")
    for kind in sorted(recall_total):
        n = recall_total[kind]
        print(f"   {kind:<22} {recall_hits[kind] / n:7.2f} {recall_strict[kind] / n:10.2f} {n:4d}")
    total = sum(recall_total.values())
    print(f"   {'all':<22} {sum(recall_hits.values()) / total:7.2f} {sum(recall_strict.values()) / total:10.2f} {total:4d}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"   precision {precision:.3f} ({tp} hits, {fp} false alarms)")
    print(f"   clean documents: {clean_findings} finding(s) in {clean_words} words = "
          f"{1000 * clean_findings / max(clean_words, 1):.2f} per 1,000 words")
    for name, f in false_positives:
        print(f"   false alarm {name}:{f.start} {f.rule}: {f.message}")


def mqm_clean(shared: Path, verbose: bool) -> None:
    path = shared / "eval" / "mqm_wmt23_zhen" / "wmt23_news_zhen_sxs.jsonl"
    if not path.exists():
        return
    docs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if row["mqm_mean"] == 0 and not row.get("errors"):
            docs[(row["system"], row["doc"])].append(row["target"])
    findings = words = 0
    by_rule: Counter = Counter()
    for (system, doc), segments in docs.items():
        report = check_text("\n".join(segments), f"{system}/{doc}", language="en")
        findings += len(report.findings)
        words += report.words
        for f in report.findings:
            by_rule[f.rule] += 1
            if verbose:
                text = report.document.text
                print(f"   FA {f.rule}: {text[max(0, f.start - 40):f.end + 40]!r}")
    print("== clean English: WMT23 zh-en MQM segments with no error from any rater")
    print(f"   {findings} finding(s) in {words} words = {1000 * findings / max(words, 1):.2f} per 1,000 words"
          + (f"  {dict(by_rule)}" if by_rule else ""))
    # WMT cuts documents into segments at sentence ends, also inside multi-sentence quotations, so a
    # segment can hold one half of a quotation: quote balance is not defined segment by segment.
    rest = findings - by_rule["unbalanced-quote"]
    print(f"   without unbalanced-quote (quotations cut by the segmentation): {rest} = "
          f"{1000 * rest / max(words, 1):.2f} per 1,000 words")


# NTREX folder -> (label, language passed to the checker)
NTREX_VARIANTS = (("eng", "en", "en"), ("spa", "es", "es"), ("fra", "fr", "fr"), ("por", "pt-PT", "pt"),
                  ("por-BR", "pt-BR", "pt"))


def context(text: str, start: int, end: int, width: int = 50) -> str:
    """The finding's span marked with [[ ]] between up to ``width`` characters either side, on one line."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    span = text[start:end]
    if len(span) > 160:
        span = f"{span[:75]} … {span[-75:]}"
    return f"{left}[[{span}]]{right}".replace("\n", " ⏎ ")


def ntrex_clean(shared: Path, verbose: bool) -> None:
    root = shared / "eval" / "ntrex_news"
    if not root.is_dir():
        return
    print("== clean professional news: NTREX (../shared/eval/ntrex_news); every finding is a false alarm"
          " or a real slip of the copy")
    print(f"   {'variant':<8} {'files':>5} {'words':>7} {'findings':>8} {'/1k words':>9} "
          f"{'≥1 finding':>10} {'score<90':>8}  by rule")
    totals: Counter = Counter()
    all_rules: Counter = Counter()
    listed: list[str] = []
    for folder, label, lang in NTREX_VARIANTS:
        paths = sorted((root / folder).glob("*.txt"))
        if not paths:
            continue
        by_rule: Counter = Counter()
        words = findings = flagged = low = 0
        for path in paths:
            text = path.read_text(encoding="utf-8")
            report = check_text(text, str(path), language=lang)
            words += report.words
            findings += len(report.findings)
            flagged += bool(report.findings)
            low += report.score < 90
            by_rule.update(f.rule for f in report.findings)
            if verbose:
                for f in report.findings:
                    listed.append(f"   {label} {folder}/{path.name}:{f.start} {f.rule}: {context(text, f.start, f.end)}")
        n = len(paths)
        rules = ", ".join(f"{rule} {count}" for rule, count in by_rule.most_common())
        print(f"   {label:<8} {n:5d} {words:7d} {findings:8d} {1000 * findings / max(words, 1):9.2f} "
              f"{flagged / n:10.0%} {low / n:8.0%}  {rules}")
        totals.update(files=n, words=words, findings=findings, flagged=flagged, low=low)
        all_rules.update(by_rule)
    if totals["files"]:
        n = totals["files"]
        rules = ", ".join(f"{rule} {count}" for rule, count in all_rules.most_common())
        print(f"   {'all':<8} {n:5d} {totals['words']:7d} {totals['findings']:8d} "
              f"{1000 * totals['findings'] / max(totals['words'], 1):9.2f} {totals['flagged'] / n:10.0%} "
              f"{totals['low'] / n:8.0%}  {rules}")
    for line in listed:
        print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false alarms (every NTREX finding with its context)")
    args = parser.parse_args()
    shared = require_shared()
    seeds(shared, args.verbose)
    mqm_clean(shared, args.verbose)
    ntrex_clean(shared, args.verbose)


if __name__ == "__main__":
    main()
