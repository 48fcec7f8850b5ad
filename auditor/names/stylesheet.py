"""House style sheets: the canonical spelling of each entity and its known variants.

A style sheet is TSV or CSV with a header row: ``canonical`` (required), ``variants`` (optional,
separated by ``|``), ``type`` (person, organisation, place ...) and ``note``. The package ships a
starter sheet (``auditor/data/stylesheet.tsv``); a newsroom replaces it with its own.

A surname alone links to a person's full name, but one word never stands for an organisation or
a place (``Allah`` is not ``Ansar Allah``), nor does a name that swaps one of its distinctive words
for another (``National Security Council`` is not ``UN Security Council``); an acronym (``IRNA``)
is found only exactly.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from auditor.names.keys import name_key
from auditor.names.match import NameMatcher, NameModel


def is_acronym(spelling: str) -> bool:
    """A spelling in capitals without spaces (IRNA, IRGC, UN), which only an exact match finds."""
    word = spelling.strip()
    return len(word) >= 2 and " " not in word and word.isupper()


class StyleSheetError(ValueError):
    """The style sheet cannot be read (one line for the user)."""


@dataclass
class Entry:
    canonical: str
    variants: list[str] = field(default_factory=list)
    type: str = ""
    note: str = ""


class StyleSheet:
    """Canonical spellings, looked up exactly (by a spelling-neutral key) or by variant matching."""

    def __init__(self, entries: list[Entry], origin: str = "<memory>") -> None:
        self.entries = entries
        self.origin = origin
        self._exact: dict[tuple[str, ...], set[str]] = {}
        self.index = NameMatcher()
        for e in entries:
            person = not e.type or e.type.strip().lower().startswith("person")
            for spelling in [e.canonical, *e.variants]:
                self._exact.setdefault(name_key(spelling), set()).add(e.canonical)
                if not is_acronym(spelling):  # IRNA is not a spelling of Iran: acronyms match exactly
                    self.index.add(spelling, e.canonical, person=person)

    @classmethod
    def from_names(cls, names: list[str]) -> "StyleSheet":
        return cls([Entry(n) for n in names])

    @classmethod
    def load(cls, path: str | Path) -> "StyleSheet":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise StyleSheetError(f"{path}: cannot read the style sheet ({exc.strerror})") from exc
        except UnicodeDecodeError as exc:
            raise StyleSheetError(f"{path}: the style sheet is not UTF-8") from exc
        return cls(parse(text, str(path)), str(path))

    @classmethod
    def starter(cls) -> "StyleSheet":
        """The style sheet that ships with auditor."""
        text = resources.files("auditor.data").joinpath("stylesheet.tsv").read_text(encoding="utf-8")
        return cls(parse(text, "starter style sheet"), "starter")

    def __len__(self) -> int:
        return len(self.entries)

    def exact(self, name: str) -> str | None:
        """The canonical spelling of a listed spelling (compared by its spelling-neutral key),
        None when none or more than one entry lists it."""
        found = self._exact.get(name_key(name))
        return next(iter(found)) if found and len(found) == 1 else None

    def normalize(self, name: str) -> tuple[str | None, float]:
        """(canonical spelling, confidence 0-1) for ``name``; canonical None when not confident."""
        exact = self.exact(name)
        if exact:
            return exact, 1.0
        best, score, second = self.index.best(name)
        # The model's thresholds keep wrong merges under 1% on bench/names.py: a confident best
        # match that also beats the best different canonical clearly.
        model = self.index.model or NameModel.shipped()
        if best is None or score < model.accept or score - second < model.margin:
            return None, round(score, 3)
        return best, round(score, 3)


def parse(text: str, origin: str) -> list[Entry]:
    first = text.split("\n", 1)[0]
    dialect = "excel-tab" if "\t" in first else "excel"
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    fields = [f.strip().lower() for f in (reader.fieldnames or [])]
    if "canonical" not in fields:
        raise StyleSheetError(f"{origin}: the header must name a 'canonical' column (got: {', '.join(fields) or 'nothing'})")
    reader.fieldnames = fields
    entries = []
    for n, row in enumerate(reader, start=2):
        canonical = (row.get("canonical") or "").strip()
        if not canonical:
            raise StyleSheetError(f"{origin}:{n}: empty 'canonical'")
        variants = [v.strip() for v in (row.get("variants") or "").split("|") if v.strip()]
        entries.append(Entry(canonical, variants, (row.get("type") or "").strip(), (row.get("note") or "").strip()))
    return entries
