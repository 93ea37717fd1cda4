"""Batch audit and cross-form analytics over many self-evaluation forms.

``run_audit`` reads and scores whole directories into Parquet; the cross-form findings,
indicator library, long exports and reports are DuckDB queries over those files.
"""
