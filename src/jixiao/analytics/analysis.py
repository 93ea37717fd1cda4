"""The questions a reviewer asks of a batch, each answered by one DuckDB query.

:class:`Analysis` opens a run's tables, builds the ``findings`` table once and then
answers: which forms first (ranked by severity), how many findings of each kind, and
the per-unit and per-year tables behind the report's charts. Results are small lists
of dicts (at most ``limit`` rows), whatever the batch size.
"""

from __future__ import annotations

from typing import Any

from jixiao.analytics.crossform import Thresholds, build_findings
from jixiao.analytics.kinds import CROSS_FORM
from jixiao.analytics.run import AuditRun

SEVERITY_WEIGHT = {"error": 100, "warning": 10, "info": 1}

_WEIGHT_SQL = "CASE severity WHEN 'error' THEN 100 WHEN 'warning' THEN 10 ELSE 1 END"


class Analysis:
    def __init__(self, run: AuditRun, thresholds: Thresholds | None = None) -> None:
        self.run = run
        self.thresholds = thresholds or Thresholds()
        self.con = run.connect()
        self.n_findings = build_findings(self.con, self.thresholds)

    def rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def scalar(self, sql: str) -> Any:
        return self.con.execute(sql).fetchall()[0][0]

    # -- findings ---------------------------------------------------------------------
    def finding_counts(self) -> dict[str, int]:
        return {r["kind"]: r["n"] for r in self.rows("SELECT kind, count(*) AS n FROM findings GROUP BY kind ORDER BY n DESC")}

    def findings(self, kind: str | None = None, limit: int | None = 200) -> list[dict[str, Any]]:
        where = "WHERE kind = ?" if kind else ""
        lim = f"LIMIT {int(limit)}" if limit else ""
        return self.rows(
            f"SELECT * FROM findings {where} ORDER BY {_WEIGHT_SQL} DESC, kind, abs(coalesce(value, 0)) DESC, form_id, field {lim}",
            [kind] if kind else [],
        )

    def ranked_forms(self, limit: int = 100) -> list[dict[str, Any]]:
        """Forms by severity: check issues and cross-form findings weighted 100/10/1, then by score gap.

        Batch kinds that repeat a single-form check (see ``kinds.CROSS_FORM``) are listed but
        not weighed again.
        """
        cross = ", ".join(f"'{c}'" for c in sorted(CROSS_FORM))
        return self.rows(f"""
            WITH fs AS (SELECT form_id, sum(CASE WHEN kind IN ({cross}) THEN {_WEIGHT_SQL} ELSE 0 END) AS w, count(*) AS n,
                               string_agg(DISTINCT kind, ', ' ORDER BY kind) AS kinds FROM findings GROUP BY form_id)
            SELECT f.form_id, f.file, f.year, f.project_name, f.implementing_unit, f.exec_rate::DOUBLE AS exec_rate,
                   f.total_claimed::DOUBLE AS total_claimed, f.total_computed::DOUBLE AS total_computed,
                   f.score_gap::DOUBLE AS score_gap, f.grade, f.grade_claimed, f.n_errors, f.n_warnings, f.n_infos,
                   coalesce(fs.n, 0) AS n_findings, fs.kinds,
                   100 * f.n_errors + 10 * f.n_warnings + f.n_infos + coalesce(fs.w, 0) AS severity
            FROM forms f LEFT JOIN fs USING (form_id)
            ORDER BY severity DESC, abs(coalesce(f.score_gap, 0)) DESC, f.form_id LIMIT {int(limit)}""")

    def top_issues(self, limit: int = 20) -> list[dict[str, Any]]:
        return self.rows(f"SELECT code, severity, count(*) AS n FROM issues GROUP BY 1, 2 ORDER BY n DESC LIMIT {int(limit)}")

    # -- batch tables -----------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        row = self.rows("""SELECT count(*) AS forms, sum(n_indicators) AS indicators,
            avg(coalesce(exec_rate, exec_rate_printed))::DOUBLE AS avg_exec_rate, avg(total_claimed)::DOUBLE AS avg_claimed,
            avg(total_computed)::DOUBLE AS avg_computed, sum(CASE WHEN score_gap > 0 THEN 1 ELSE 0 END) AS n_gap_positive,
            sum(score_gap)::DOUBLE AS sum_gap FROM forms""")[0]
        row["files"], row["failures"], row["seconds"] = self.run.files, len(self.run.failures), self.run.seconds
        row["findings"] = self.n_findings
        return row

    def grades(self) -> list[dict[str, Any]]:
        return self.rows("""SELECT coalesce(g, '—') AS grade, sum(c)::INT AS claimed, sum(k)::INT AS computed FROM (
            SELECT grade_claimed AS g, 1 AS c, 0 AS k FROM forms UNION ALL SELECT grade, 0, 1 FROM forms WHERE grade IS NOT NULL)
            GROUP BY g ORDER BY array_position(['优', '良', '中', '差'], g) NULLS LAST""")

    def gaps(self, limit: int = 50) -> list[dict[str, Any]]:
        return self.rows(f"""SELECT form_id, project_name, implementing_unit, year, total_claimed::DOUBLE AS claimed,
            total_computed::DOUBLE AS computed, score_gap::DOUBLE AS gap FROM forms
            WHERE score_gap IS NOT NULL AND score_gap <> 0 ORDER BY abs(score_gap) DESC, form_id LIMIT {int(limit)}""")

    def exec_vs_score(self, limit: int = 200) -> list[dict[str, Any]]:
        """Per unit and year: average execution rate and self-score, count of low-execution/high-score forms."""
        t = self.thresholds
        return self.rows(f"""SELECT coalesce(implementing_unit, '—') AS unit, year, count(*) AS forms,
            avg(coalesce(exec_rate, exec_rate_printed))::DOUBLE AS avg_exec_rate, avg(total_claimed)::DOUBLE AS avg_score,
            sum(CASE WHEN coalesce(exec_rate, exec_rate_printed) < {t.low_exec_rate} AND total_claimed >= {t.high_score}
                THEN 1 ELSE 0 END) AS low_exec_high_score
            FROM forms GROUP BY 1, 2 ORDER BY low_exec_high_score DESC, forms DESC, unit, year LIMIT {int(limit)}""")

    def scatter(self, limit: int = 3000) -> list[tuple[float, float, str]]:
        """(execution rate, claimed score, project) points for the chart, an even sample."""
        rows = self.con.execute(f"""SELECT coalesce(exec_rate, exec_rate_printed)::DOUBLE, total_claimed::DOUBLE, project_name
            FROM forms WHERE coalesce(exec_rate, exec_rate_printed) IS NOT NULL AND total_claimed IS NOT NULL
            USING SAMPLE reservoir({int(limit)} ROWS) REPEATABLE (7)""").fetchall()
        return [(float(a), float(b), str(c)) for a, b, c in rows]

    def units(self, limit: int = 200) -> list[dict[str, Any]]:
        """Per unit: share of too-low targets among numeric indicators, qualitative and repeated shares."""
        r = self.thresholds.too_low_ratio
        return self.rows(f"""SELECT coalesce(implementing_unit, '—') AS unit, count(DISTINCT form_id) AS forms,
            count(*) AS indicators, sum(CASE WHEN target_number IS NOT NULL THEN 1 ELSE 0 END) AS numeric,
            sum(CASE WHEN ratio >= {r} THEN 1 ELSE 0 END) AS too_low,
            sum(CASE WHEN ratio >= {r} THEN 1 ELSE 0 END) / nullif(sum(CASE WHEN target_number IS NOT NULL THEN 1 ELSE 0 END), 0) AS too_low_share,
            avg(CASE WHEN target_kind = 'qualitative' THEN 1.0 ELSE 0.0 END) AS qualitative_share,
            avg(CASE WHEN repeats_target THEN 1.0 ELSE 0.0 END) AS repeats_share
            FROM indicators GROUP BY 1 ORDER BY too_low_share DESC NULLS LAST, indicators DESC, unit LIMIT {int(limit)}""")

    def year_over_year(self, limit: int = 200) -> list[dict[str, Any]]:
        return self.rows(f"""SELECT f.project_name, f.implementing_unit, p.year AS prev_year, f.year,
            p.budget_yuan::DOUBLE AS prev_budget, f.budget_yuan::DOUBLE AS budget,
            p.total_claimed::DOUBLE AS prev_score, f.total_claimed::DOUBLE AS score, x.detail
            FROM findings x JOIN forms f ON f.form_id = x.form_id JOIN forms p ON p.form_id = x.related
            WHERE x.kind = 'batch-year-over-year-jump' ORDER BY abs(x.value - 1) DESC, f.form_id LIMIT {int(limit)}""")

    def close(self) -> None:
        self.con.close()
