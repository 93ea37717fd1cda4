"""Cross-form findings as DuckDB queries over a run's Parquet tables.

Every finding kind is one SQL statement producing the same columns, so the whole
``findings`` table is built in one pass by DuckDB (100k forms take seconds) and never
as Python objects. Thresholds are parameters, not constants: a bureau may want 50 %
instead of 60 % for "low execution".
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from jixiao.analytics import kinds as k


@dataclass(frozen=True, slots=True)
class Thresholds:
    low_exec_rate: float = 60.0
    """Execution rate (percent) below which a high self-score is suspicious."""
    high_score: float = 90.0
    too_low_ratio: float = 2.0
    """actual / target at or above which the target was set too low."""
    qualitative_share: float = 0.5
    qualitative_min_indicators: int = 4
    copied_share: float = 0.6
    copied_min: int = 3
    copied_max_projects: int = 50
    """A (name, target, actual) row used by more projects than this is a common standard, not a copy."""
    yoy_score_delta: float = 20.0
    yoy_budget_ratio: float = 3.0
    inflated_gap: float = 1.0


FINDING_COLUMNS = ("kind", "severity", "form_id", "file", "year", "project_name", "implementing_unit", "field", "related", "value", "detail")

_KEYS = "f.form_id, f.file, f.year, f.project_name, f.implementing_unit"


def _sev(code: str) -> str:
    return f"'{code}' AS kind, '{k.KINDS[code].value}' AS severity"


def _queries(t: Thresholds) -> list[str]:
    rate = "coalesce(f.exec_rate, f.exec_rate_printed)"
    return [
        f"""SELECT {_sev(k.INFLATED)}, {_KEYS}, 'total_score' AS field, NULL AS related,
              f.score_gap::DOUBLE AS value,
              format('自评总分 {{}}，按规则计算 {{}}，高出 {{:.2f}} 分', f.total_claimed::DOUBLE, coalesce(f.total_computed::DOUBLE::VARCHAR, '—'), f.score_gap::DOUBLE) AS detail
            FROM forms f WHERE f.score_gap >= {t.inflated_gap}""",
        f"""SELECT {_sev(k.MISSING_REASON)}, {_KEYS}, printf('indicators[%d]', i.idx) AS field, NULL,
              (i.weight - coalesce(i.claimed, 0))::DOUBLE,
              format('指标“{{}}”目标 {{}}、实际 {{}}，自评 {{}}/{{}} 分，未填写偏差原因', i.name, i.target, i.actual, coalesce(i.claimed::DOUBLE::VARCHAR, '—'), i.weight::DOUBLE)
            FROM indicators i JOIN forms f USING (form_id)
            WHERE NOT i.has_reason AND (i.status IN ('partial', 'missed') OR i.claimed < i.weight)""",
        f"""SELECT {_sev(k.LOW_EXEC_HIGH_SCORE)}, {_KEYS}, 'execution.rate_percent', NULL, {rate}::DOUBLE,
              format('预算执行率 {{:.2f}}%，自评总分 {{}}', {rate}::DOUBLE, f.total_claimed::DOUBLE)
            FROM forms f WHERE {rate} < {t.low_exec_rate} AND f.total_claimed >= {t.high_score}""",
        f"""SELECT {_sev(k.TARGET_TOO_LOW)}, {_KEYS}, printf('indicators[%d]', i.idx), NULL, i.ratio::DOUBLE,
              format('指标“{{}}”目标 {{}}，实际 {{}}（{{:.1f}} 倍）', i.name, i.target, i.actual, i.ratio::DOUBLE)
            FROM indicators i JOIN forms f USING (form_id) WHERE i.ratio >= {t.too_low_ratio}""",
        f"""SELECT {_sev(k.QUALITATIVE_HEAVY)}, {_KEYS}, 'indicators', NULL, f.n_qualitative / f.n_indicators,
              format('{{}} 个指标中 {{}} 个为定性指标（{{:.0f}}%）', f.n_indicators, f.n_qualitative, 100.0 * f.n_qualitative / f.n_indicators)
            FROM forms f WHERE f.n_indicators >= {t.qualitative_min_indicators}
              AND f.n_qualitative >= {t.qualitative_share} * f.n_indicators""",
        f"""SELECT {_sev(k.REPEATS_TARGET)}, {_KEYS}, printf('indicators[%d]', i.idx), NULL, NULL,
              format('指标“{{}}”实际完成值“{{}}”照抄目标值', i.name, i.actual)
            FROM indicators i JOIN forms f USING (form_id) WHERE i.repeats_target""",
        _copied(t),
        _yoy(t),
    ]


def _copied(t: Thresholds) -> str:
    """Pairs of forms of different projects sharing most of their (name, target, actual) rows.

    Rows are compared by 64-bit hashes; rows seen in one project only cannot be shared
    and are kept out of the self-join (they still count in each form's size), so the
    join stays small at 100k forms.
    """
    return f"""
    WITH sig AS (SELECT DISTINCT form_id, hash(project_key) AS p, hash(signature) AS h FROM indicators
                 WHERE target_kind <> 'empty'),
    pop AS (SELECT h, count(DISTINCT p) AS np FROM sig GROUP BY h),
    rare AS (SELECT sig.*, pop.np FROM sig JOIN pop USING (h) WHERE pop.np <= {t.copied_max_projects}),
    sizes AS (SELECT form_id, count(*) AS n FROM rare GROUP BY form_id),
    multi AS (SELECT form_id, p, h FROM rare WHERE np >= 2),
    pairs AS (SELECT a.form_id AS fa, b.form_id AS fb, count(*) AS shared FROM multi a JOIN multi b
              ON a.h = b.h AND a.p <> b.p GROUP BY 1, 2),
    hits AS (SELECT p.* FROM pairs p JOIN sizes sa ON sa.form_id = p.fa JOIN sizes sb ON sb.form_id = p.fb
             WHERE p.shared >= {t.copied_min} AND p.shared >= {t.copied_share} * least(sa.n, sb.n))
    SELECT {_sev(k.COPIED)}, {_KEYS}, 'indicators', h.fb, h.shared::DOUBLE,
      format('与“{{}}”（{{}}）有 {{}} 个指标完全相同', o.project_name, o.form_id, h.shared)
    FROM hits h JOIN forms f ON f.form_id = h.fa JOIN forms o ON o.form_id = h.fb"""


def _yoy(t: Thresholds) -> str:
    return f"""
    WITH one AS (SELECT * FROM forms WHERE year IS NOT NULL AND coalesce(project_key, '') <> ''
                 QUALIFY row_number() OVER (PARTITION BY project_key, coalesce(implementing_unit, ''), year ORDER BY form_id) = 1),
    seq AS (SELECT *, lag(form_id) OVER w AS prev_id, lag(year) OVER w AS prev_year,
                   lag(budget_yuan) OVER w AS prev_budget, lag(total_claimed) OVER w AS prev_total
            FROM one WINDOW w AS (PARTITION BY project_key, coalesce(implementing_unit, '') ORDER BY year)),
    j AS (SELECT *, CASE WHEN prev_budget > 0 AND budget_yuan > 0 THEN budget_yuan / prev_budget END AS b_ratio,
                 total_claimed - prev_total AS s_delta FROM seq WHERE prev_id IS NOT NULL)
    SELECT {_sev(k.YOY_JUMP)}, {_KEYS}, 'year', j.prev_id, j.b_ratio::DOUBLE,
      format('{{}}→{{}} 年：预算 {{:,.2f}}→{{:,.2f}} 元（{{:.2f}} 倍），自评分 {{}}→{{}}', j.prev_year, j.year,
             coalesce(j.prev_budget::DOUBLE, 0), coalesce(j.budget_yuan::DOUBLE, 0), coalesce(j.b_ratio::DOUBLE, 0),
             coalesce(j.prev_total::DOUBLE::VARCHAR, '—'), coalesce(j.total_claimed::DOUBLE::VARCHAR, '—'))
    FROM j JOIN forms f ON f.form_id = j.form_id
    WHERE j.b_ratio >= {t.yoy_budget_ratio} OR j.b_ratio <= 1.0 / {t.yoy_budget_ratio}
       OR abs(j.s_delta) >= {t.yoy_score_delta}"""


def build_findings(con: duckdb.DuckDBPyConnection, thresholds: Thresholds | None = None) -> int:
    """Create the table ``findings`` in ``con`` (which has the run's views); returns its size."""
    t = thresholds or Thresholds()
    cols = ", ".join(FINDING_COLUMNS)
    union = "\nUNION ALL\n".join(f"SELECT * FROM ({q}) AS x({cols})" for q in _queries(t))
    con.execute(f"CREATE OR REPLACE TABLE findings AS {union}")
    rows = con.execute("SELECT count(*) FROM findings").fetchall()
    return int(rows[0][0])

