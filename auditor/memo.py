"""Memoised judgements of word forms, looked up in bulk.

Rules judge every distinct word form of every document (is it foreign, can it be two glued words,
is its capital normal), and the same forms recur from document to document. ``functools.lru_cache``
answers a repeated form in about three times the cost of a dictionary lookup, because every hit
goes through its wrapper and its recency list. :class:`FormMemo` keeps plain dictionaries and
answers a whole list of forms with ``map(dict.get, ...)``, in C; only new forms reach Python.
"""

from __future__ import annotations

from itertools import compress, count, repeat
from operator import is_
from typing import Callable, Generic, Sequence, TypeVar

T = TypeVar("T")
_MISSING = object()


class FormMemo(Generic[T]):
    """The values of a pure function ``func(form, lang)``, remembered per language.

    A language's table is emptied when it outgrows ``limit`` entries, which bounds memory on any
    corpus while keeping the frequent forms a batch run meets again and again.
    """

    def __init__(self, func: Callable[[str, str], T], limit: int = 1 << 17) -> None:
        self.func = func
        self.limit = limit
        self._tables: dict[str, dict[str, T]] = {}

    def values(self, forms: Sequence[str], lang: str = "") -> list[T]:
        """``[func(form, lang) for form in forms]``, from memory where the form was seen before."""
        table = self._tables.get(lang)
        if table is None:
            table = self._tables[lang] = {}
        known = len(table)
        # setdefault marks each new form in the table, so that the table's size alone tells
        # whether any form is new, where a search of the answers for the mark costs a comparison
        # per form.
        found = list(map(table.setdefault, forms, repeat(_MISSING)))
        if len(table) != known:  # rarer than not, once a batch run is under way
            self._compute_missing(table, forms, found, lang)
        return found

    def _compute_missing(self, table: dict[str, T], forms: Sequence[str], found: list, lang: str) -> None:
        """Put the values of the forms marked missing in ``found`` and in the table, emptied
        first of every other form when it outgrows its limit."""
        missing = list(compress(count(), map(is_, found, repeat(_MISSING))))
        func = self.func
        computed: dict[str, T] = {}
        try:
            for i in missing:
                form = forms[i]
                value = computed.get(form, _MISSING)  # a form repeated in ``forms`` is computed once
                if value is _MISSING:
                    value = computed[form] = func(form, lang)
                found[i] = value
        except BaseException:
            for form in map(forms.__getitem__, missing):  # no mark may outlive this call
                table.pop(form, None)
            raise
        if len(table) > self.limit:
            table.clear()
        table.update(computed)
