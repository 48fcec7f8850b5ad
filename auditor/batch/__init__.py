"""Batch cleaning of a corpus (``auditor clean``): auditor's checks as datatrove pipeline steps,
run on datatrove's local or Ray executor, resumable, with every record accounted for.

The decision for one record (:mod:`auditor.batch.policy`), the formats (:mod:`~.formats`,
:mod:`~.writers`), the plan (:mod:`~.plan`) and the counts (:mod:`~.stats`) need only the core;
:mod:`~.steps` and :mod:`~.run` need the ``batch`` extra (``pip install 'auditor[batch]'``),
imported only when a batch runs.
"""
