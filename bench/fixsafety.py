"""Fix safety: does `auditor fix` ever leave a finding that the text did not have before?

    python bench/fixsafety.py [--verbose]

Runs the fixes over samples/, ../shared/seeds (scraped copy) and ../shared/eval/ntrex_news (clean
professional news in en/es/fr/pt), checks each text before and after with every rule, and counts
the findings after the fix that were not there before (by rule and line: the fixes never add or
remove a line). Prints them with the re-check that withholds such fixes (target 0) and, for
comparison, without it; also how many fixes were applied and how many withheld.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from auditor.checker import check_text  # noqa: E402
from auditor.fix import fix_text  # noqa: E402
from auditor.langid import detect  # noqa: E402
from bench._shared import ROOT, require_shared  # noqa: E402


def _keys(report, text: str) -> Counter:
    return Counter((f.rule, text.count("\n", 0, f.start)) for f in report.findings)


def run(name: str, paths: list[Path], verbose: bool) -> None:
    totals = {True: Counter(), False: Counter()}
    started = time.perf_counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lang = detect(text)

        def check(t: str, path: Path = path, lang: str = lang):
            return check_text(t, str(path), lang)

        before = _keys(check(text, None), text)
        for verify in (True, False):
            result = fix_text(text, check, verify=verify)
            new = _keys(check(result.text, None), result.text) - before
            tally = totals[verify]
            tally["new"] += sum(new.values())
            tally["applied"] += len(result.applied)
            tally["withheld"] += len(result.withheld)
            tally["files changed"] += result.text != text
            if verbose and verify:
                for f in result.applied:
                    print(f"   applied  {path.name}: {f.rule}: {f.message} -> {f.suggestion!r}")
                for f in result.withheld:
                    print(f"   withheld {path.name}: {f.rule} {text[f.start:f.end]!r} -> {f.suggestion!r}")
            if verbose and not verify and new:
                print(f"   unverified fixes would add {dict(new)} in {path.name}")
    took = time.perf_counter() - started
    print(f"== {name}: {len(paths)} files ({took:.1f} s for both runs)")
    for verify, label in ((True, "verified (auditor fix)"), (False, "unverified")):
        t = totals[verify]
        print(f"   {label:<24} new findings {t['new']:4d}   applied {t['applied']:4d}   "
              f"withheld {t['withheld']:4d}   files changed {t['files changed']:4d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list withheld fixes and the new findings")
    args = parser.parse_args()
    run("samples", sorted(ROOT.joinpath("samples").glob("*.txt")), args.verbose)
    shared = require_shared()
    run("seeds", sorted((shared / "seeds").glob("*.txt")), args.verbose)
    ntrex = shared / "eval" / "ntrex_news"
    for folder in sorted(p for p in ntrex.iterdir() if p.is_dir()):
        run(f"ntrex_news/{folder.name}", sorted(folder.glob("*.txt")), args.verbose)


if __name__ == "__main__":
    main()
