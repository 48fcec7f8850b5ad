"""What ``auditor clean`` decides for one record, independent of any executor.

:class:`Policy` says when a record is rejected; :class:`RecordAuditor` checks a text with a
:class:`~auditor.session.Session` (the same checker, rules and configuration as ``auditor
check``), optionally fixes it, and returns the verdict with the annotations the outputs carry.
Nothing here imports datatrove or Ray, so the decision is the same on every executor and can be
tested alone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

UNREADABLE = "unreadable"
# Rules whose fixes --normalize-names applies to kept text.
NAME_FIX_RULES = ("name-variant",)


@dataclass(frozen=True)
class Policy:
    """When a record is rejected; None/empty disables a test. ``annotate_only`` keeps every
    readable record and only annotates it."""

    min_score: int | None = 50
    reject_rules: tuple[str, ...] = ()
    max_findings_per_1k: float | None = None
    min_quality: float | None = None
    languages: tuple[str, ...] = ()
    annotate_only: bool = False

    def reasons(self, report) -> list[str]:
        """Why the policy rejects the record ``report`` (a FileReport) describes; [] keeps it."""
        if self.annotate_only:
            return []
        reasons = []
        if self.min_score is not None and report.score < self.min_score:
            reasons.append("min-score")
        found = {f.rule for f in report.findings}
        reasons.extend(f"rule:{rule}" for rule in self.reject_rules if rule in found)
        if self.max_findings_per_1k is not None:
            per_1k = 1000 * len(report.findings) / max(report.words, 1)
            if per_1k > self.max_findings_per_1k:
                reasons.append("max-findings-per-1k")
        quality = getattr(report, "quality", None)
        if self.min_quality is not None and quality is not None and quality < self.min_quality:
            reasons.append("min-quality")
        if self.languages and report.language not in self.languages:
            reasons.append("language")
        return reasons


@dataclass
class Verdict:
    """One record's outcome: kept or not, the annotations to add and the text to write."""

    kept: bool
    annotations: dict
    text: str | None
    report: object = None
    findings: list = field(default_factory=list)


def compact_findings(findings: Sequence) -> list[dict]:
    return [{"rule": f.rule, "start": f.start, "end": f.end, "suggestion": f.suggestion} for f in findings]


def unreadable_verdict(error: str) -> Verdict:
    return Verdict(False, {"auditor_reasons": [UNREADABLE], "auditor_error": error}, None)


class RecordAuditor:
    """Checks, fixes and judges records; build one per process and reuse it."""

    def __init__(self, session, policy: Policy, fix_rules: Sequence[str] | None = None) -> None:
        self.session = session
        self.policy = policy
        self.fix_rules = list(fix_rules) if fix_rules else None

    def audit(self, text: str, path: str = "-") -> Verdict:
        report = self.session.check(text, path)
        reasons = self.policy.reasons(report)
        annotations = {"auditor_score": report.score, "auditor_language": report.language,
                       "auditor_findings": compact_findings(report.findings)}
        if report.quality is not None:
            annotations["auditor_quality"] = report.quality
        if reasons:
            annotations["auditor_reasons"] = reasons
            return Verdict(False, annotations, text, report, report.findings)
        if self.fix_rules:
            text = self._fix(text, path, report, annotations)
        return Verdict(True, annotations, text, report, report.findings)

    def _fix(self, text: str, path: str, report, annotations: dict) -> str:
        from auditor.fix import fix_text
        from auditor.markup import markup_for_path

        # Re-checked as the record was checked: in its language and, for a .md or .html record,
        # its prose only, so that a fix never edits code or markup.
        language, markup = report.language, markup_for_path(path)
        result = fix_text(text, lambda t: self.session.checker.check(t, path, language, markup=markup),
                          self.fix_rules)
        # Offsets of a fix are in the text as it stood when the fix applied (fixes run in passes).
        annotations["auditor_fixes"] = compact_findings(result.applied)
        return result.text
