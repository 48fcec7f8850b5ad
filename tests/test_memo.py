"""FormMemo: bulk lookups must equal the function, per language, within the size limit."""

from auditor.memo import FormMemo


def test_values_equal_the_function_and_new_forms_are_computed_once():
    calls = []

    def shout(form: str, lang: str) -> str:
        calls.append((form, lang))
        return f"{form.upper()}:{lang}"

    memo = FormMemo(shout)
    assert memo.values(["a", "b", "a"], "en") == ["A:en", "B:en", "A:en"]
    assert memo.values(["b", "c"], "en") == ["B:en", "C:en"]
    assert memo.values(["a"], "fr") == ["A:fr"]  # each language has its own table
    assert memo.values(["c"], "en") == ["C:en"]
    assert calls == [("a", "en"), ("b", "en"), ("c", "en"), ("a", "fr")]


def test_none_and_false_values_are_remembered_not_recomputed():
    calls = []

    def nothing(form: str, lang: str) -> None:
        calls.append(form)
        return None

    memo = FormMemo(nothing)
    assert memo.values(["x", "y"]) == [None, None]
    assert memo.values(["x", "y"]) == [None, None]
    assert calls == ["x", "y"]


def test_a_full_table_is_emptied_rather_than_growing_past_its_limit():
    memo = FormMemo(lambda form, lang: len(form), limit=3)
    assert memo.values(["a", "bb", "ccc"]) == [1, 2, 3]
    assert memo.values(["dddd", "a"]) == [4, 1]  # still right after the table was emptied
    assert len(memo._tables[""]) <= 3


def test_a_form_whose_function_raised_is_computed_again_next_time():
    def fussy(form: str, lang: str) -> int:
        if form == "bad" and not fussy.ready:
            raise ValueError(form)
        return len(form)

    fussy.ready = False
    memo = FormMemo(fussy)
    assert memo.values(["ok"]) == [2]
    try:
        memo.values(["new", "bad", "later"])
    except ValueError:
        pass
    fussy.ready = True
    assert memo.values(["ok", "new", "bad", "later"]) == [2, 3, 3, 5]
