"""Imported once by the local executor's fork server, so that its worker processes start warm.

``auditor clean --workers N`` (N > 1) runs its tasks in processes forked from a fork server
(datatrove's default start method, safe where fork from a threaded driver is not). Importing this
module there loads datatrove and auditor's pipeline steps and builds the checker's shared tables
(word frequencies, phrase patterns, ...) for every language auditor reads, by checking one short
sentence in each. Every worker forked afterwards inherits them, instead of each paying the
imports and the tables again (about 1.5 CPU seconds a worker). Warming is best effort: a failure
here only leaves the workers to build the tables on first use, as they would anyway.
"""

from __future__ import annotations

WARM_TEXTS = {
    "en": "The minister said on Monday that the talks would resume next week in Cairo.",
    "es": "El ministro dijo el lunes que las conversaciones se reanudarán la próxima semana en El Cairo.",
    "fr": "Le ministre a déclaré lundi que les pourparlers reprendraient la semaine prochaine au Caire.",
    "pt": "O ministro disse na segunda-feira que as negociações serão retomadas na próxima semana no Cairo.",
}


def warm() -> None:
    """Import the pipeline steps and build the checker's tables for each language."""
    import auditor.batch.steps  # noqa: F401 - datatrove and the steps, as every task unpickles them
    from auditor.config import Config
    from auditor.session import Options, Session

    checker = Session(Options(), config=Config()).checker
    for language, text in WARM_TEXTS.items():
        checker.check(text, "-", language)


try:
    warm()
except Exception:  # noqa: BLE001 - see the module docstring
    pass
