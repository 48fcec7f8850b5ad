"""Round-trip (back-)translation and the quality estimate built on it.

:mod:`~auditor.roundtrip.trip` (the round trip itself) and :mod:`~auditor.roundtrip.quality` (the
quality estimate). The package never imports the checker or the rules: the quality estimate is
given the detectors' findings by its caller.
"""

from auditor.roundtrip.trip import (
    CHANGE_PRIORITY,
    Change,
    Metrics,
    RoundTripper,
    Scores,
    SegmentTrip,
    SentenceTrip,
    align,
    clip,
    main_change,
    mt_spans,
    sentence_spans,
)

__all__ = ["CHANGE_PRIORITY", "Change", "Metrics", "RoundTripper", "Scores", "SegmentTrip", "SentenceTrip",
           "align", "clip", "main_change", "mt_spans", "sentence_spans"]
