"""source-mismatch on clean professional translations: how often a name is reported missing.

    python bench/sourcenames.py [--verbose]

Pairs the NTREX news documents of ../shared/eval/ntrex_news across languages (the same story
in eng, spa, fra, por) and runs `auditor check --source` on each pair. The translations are
professional, so nearly every name reported missing is a false alarm (exonyms, demonyms, names
rewritten as descriptions). Prints names and numbers reported per pair of languages.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor import check_text  # noqa: E402
from bench._shared import require_shared  # noqa: E402

PAIRS = [("eng", "por", "pt"), ("eng", "spa", "es"), ("eng", "fra", "fr"), ("por", "eng", "en"),
         ("spa", "eng", "en"), ("fra", "eng", "en"), ("spa", "por", "pt")]


def _stories(folder: Path) -> dict[str, Path]:
    return {p.name.split("_L")[0]: p for p in folder.glob("*.txt")}  # the line range differs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the names reported most often")
    args = parser.parse_args()
    root = require_shared() / "eval" / "ntrex_news"
    names_seen: Counter = Counter()
    print("== source-mismatch on NTREX news pairs (clean translations)")
    for a, b, lang in PAIRS:
        sources, targets = _stories(root / a), _stories(root / b)
        stories = sorted(sources.keys() & targets.keys())
        counts: Counter = Counter()
        for key in stories:
            report = check_text(targets[key].read_text(encoding="utf-8"), language=lang,
                                select=["source-mismatch"], source_text=sources[key].read_text(encoding="utf-8"))
            for f in report.findings:
                names = re.findall(r"name '([^']*)'", f.message)
                names_seen.update(names)
                counts["names"] += len(names)
                counts["numbers"] += len(re.findall(r"number '", f.message))
                counts["unpaired"] += "cannot pair" in f.message
        print(f"   {a}->{b}: {len(stories)} stories, names reported {counts['names']:4d} "
              f"({counts['names'] / max(len(stories), 1):.2f} a story), numbers {counts['numbers']:3d}, "
              f"unpaired {counts['unpaired']:2d}")
    if args.verbose:
        print("   most often:", ", ".join(f"{n} {c}" for n, c in names_seen.most_common(30)))


if __name__ == "__main__":
    main()
