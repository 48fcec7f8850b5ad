"""What a round trip changed: spans of the original that did not come back intact, classified.

Tokens are the document model's (:data:`auditor.document.TOKEN_RE`: words with inner apostrophes
and hyphens, and single punctuation marks), so a change's span is made of the same tokens the
rules see.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from auditor.document import TOKEN_RE
from auditor.roundtrip.metrics import clip

CHANGE_PRIORITY = {"split": 0, "name": 1, "dropped": 2, "changed": 3}


@dataclass
class Change:
    """A span of the original that the round trip did not return intact (offsets into the text)."""

    start: int
    end: int
    original: str
    roundtrip: str
    kind: str  # split (a glued token came back apart), name, dropped, changed

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "original": self.original,
                "roundtrip": self.roundtrip, "kind": self.kind}


def align(original: str, roundtrip: str) -> list[Change]:
    """Spans of ``original`` that the round trip changed, classified.

    Tokens are aligned case-insensitively (a trip often changes case without harm); a token that
    comes back as its own pieces (``AbdulahianIn`` -> ``Abdulahian. In``) is a ``split``, a
    capitalised word that does not come back at all is a ``name`` change.
    """
    a = [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(original)]
    b = [m.group() for m in TOKEN_RE.finditer(clip(roundtrip, original))]
    b_lower = {t.lower() for t in b}
    matcher = difflib.SequenceMatcher(None, [t[0].lower() for t in a], [t.lower() for t in b],
                                      autojunk=False)
    changes = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or i1 == i2:
            continue
        start, end = a[i1][1], a[i2 - 1][2]
        back = " ".join(b[j1:j2])
        words_a = "".join(t[0] for t in a[i1:i2] if t[0][0].isalnum())
        words_b = "".join(t for t in b[j1:j2] if t[0].isalnum())
        if j1 == j2:
            kind = "dropped"
        elif words_a.lower() == words_b.lower() and j2 - j1 > i2 - i1:
            kind = "split"
        elif any(t[0][0].isupper() and t[0][1:].islower() and t[0].lower() not in b_lower
                 for k, t in enumerate(a[i1:i2], start=i1) if k > 0 and t[0][0].isalpha()):
            kind = "name"
        else:
            kind = "changed"
        changes.append(Change(start, end, original[start:end], back, kind))
    return changes


def main_change(changes: list[Change]) -> Change | None:
    """The change that best explains a bad round trip: splits and names before paraphrase."""
    if not changes:
        return None
    return min(changes, key=lambda c: (CHANGE_PRIORITY[c.kind], -(c.end - c.start)))
