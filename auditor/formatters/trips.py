"""A round trip as a record: the fields ``auditor backtranslate`` writes for each segment and the
service's ``/v1/backtranslate`` answers with."""

from __future__ import annotations


def trip_record(trip) -> dict:
    """The fields of one :class:`~auditor.roundtrip.SegmentTrip`: pivot text, round trip, scores,
    quality and changes (and the source checks in bilingual mode)."""
    out = {"pivot_text": trip.pivot_text, "roundtrip": trip.roundtrip,
           "chrf": round(trip.scores.chrf, 2), "bleu": round(trip.scores.bleu, 2),
           "ter": round(trip.scores.ter, 2), "quality": trip.quality,
           "changes": [c.to_dict() for st in trip.sentences for c in st.changes]}
    if trip.split_sentences:
        # Sentences over the MT length limit went to the engine in pieces (README: Back-translation).
        out["split_for_mt"] = trip.split_sentences
        out["hard_cuts"] = trip.hard_cuts
    if trip.source is not None:
        if trip.back_to_source is not None:
            out["back_to_source"] = trip.back_to_source
            out["source_chrf"] = round(trip.source_scores.chrf, 2)
        out.update(trip.checks)
    return out
