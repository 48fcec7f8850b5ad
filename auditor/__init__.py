"""auditor: find machine-translation and scraping artifacts in news wire copy.

The public API is small:

>>> from auditor import check_text
>>> report = check_text("Supreme Leader Ali Khameneireiterated his support.", language="en")
>>> [f.rule for f in report.findings]  # doctest: +SKIP
['glued-token']
"""

__version__ = "0.1.0"

from auditor.checker import Checker, FileReport, check_text  # noqa: E402
from auditor.findings import Finding, Severity  # noqa: E402

__all__ = ["Checker", "FileReport", "Finding", "Severity", "check_text", "__version__"]
