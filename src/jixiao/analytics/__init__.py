"""Batch audit and cross-form analytics over many self-evaluation forms.

``run_audit`` reads and scores whole directories into Parquet; the cross-form findings
(:class:`Analysis`), indicator library, long exports and reports are DuckDB queries
over those files, so a batch of 100k forms never sits in memory as objects.
"""

from jixiao.analytics.analysis import Analysis
from jixiao.analytics.crossform import Thresholds
from jixiao.analytics.export import export_long
from jixiao.analytics.library import build_library, default_library, search_indicators, suggest
from jixiao.analytics.report import write_report
from jixiao.analytics.run import AuditRun, Failure
from jixiao.analytics.runner import audit_forms, iter_files, run_audit

__all__ = [
    "Analysis",
    "AuditRun",
    "Failure",
    "Thresholds",
    "audit_forms",
    "build_library",
    "default_library",
    "export_long",
    "iter_files",
    "run_audit",
    "search_indicators",
    "suggest",
    "write_report",
]
