"""Cross-form findings as DuckDB queries over a run's Parquet tables.

Every finding kind is SQL producing the same columns, inserted kind by kind into one
``findings`` table, so the findings are never Python objects and the memory of one
kind's query is given back before the next runs. Thresholds are parameters, not
constants: a bureau may want 50 % instead of 60 % for "low execution".

Memory stays about the same whatever the batch size (the connection has a fixed
``memory_limit``, see :meth:`AuditRun.connect`, and these queries need far less):
single-form kinds read the indicator rows, which carry their form's keys, without a
join; the two cross-form kinds work on 64-bit hashes of the keys instead of the strings
(a collision among 10^6 forms has odds of about 10^-8); the copy search slices its
work into as many passes as the batch needs (:data:`ROWS_PER_PASS`,
:data:`PAIRS_PER_PASS`), so a larger batch takes more passes, not more memory.
"""

from __future__ import annotations

import math
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
_FINDINGS_TABLE = """CREATE OR REPLACE TABLE findings (kind VARCHAR, severity VARCHAR, form_id VARCHAR, file VARCHAR,
    year INTEGER, project_name VARCHAR, implementing_unit VARCHAR, field VARCHAR, related VARCHAR, value DOUBLE, detail VARCHAR)"""

ROWS_PER_PASS = 100_000
"""Indicator rows one pass of the copy search deduplicates and counts by popularity
(a slice of the row hashes: a row's popularity depends on its own rows only)."""
PAIRS_PER_PASS = 250_000
"""Candidate pairs of forms one pass of the copy search may count (a pass's hash table
stays a few tens of MB). Rows shared by up to ``copied_max_projects`` projects make the
pairs grow about with the square of the batch; the passes grow with them, not the memory."""

_TEMP = ("_cf_rare", "_cf_all", "_cf_sizes", "_cf_multi", "_cf_pairs")


def _keys(a: str) -> str:
    return f"{a}.form_id, {a}.file, {a}.year, {a}.project_name, {a}.implementing_unit"


def _sev(code: str) -> str:
    return f"'{code}' AS kind, '{k.KINDS[code].value}' AS severity"


def _single_form(t: Thresholds) -> list[str]:
    """Kinds that look at one form (or one indicator row) at a time: a filter each."""
    rate = "coalesce(f.exec_rate, f.exec_rate_printed)"
    f, i = _keys("f"), _keys("i")
    return [
        f"""SELECT {_sev(k.INFLATED)}, {f}, 'total_score' AS field, NULL AS related,
              f.score_gap::DOUBLE AS value,
              format('自评总分 {{}}，按规则计算 {{}}，高出 {{:.2f}} 分', f.total_claimed::DOUBLE, coalesce(f.total_computed::DOUBLE::VARCHAR, '—'), f.score_gap::DOUBLE) AS detail
            FROM forms f WHERE f.score_gap >= {t.inflated_gap}""",
        f"""SELECT {_sev(k.MISSING_REASON)}, {i}, printf('indicators[%d]', i.idx) AS field, NULL,
              (i.weight - coalesce(i.claimed, 0))::DOUBLE,
              format('指标“{{}}”目标 {{}}、实际 {{}}，自评 {{}}/{{}} 分，未填写偏差原因', i.name, i.target, i.actual, coalesce(i.claimed::DOUBLE::VARCHAR, '—'), i.weight::DOUBLE)
            FROM indicators i
            WHERE NOT i.has_reason AND (i.status IN ('partial', 'missed') OR i.claimed < i.weight)""",
        f"""SELECT {_sev(k.LOW_EXEC_HIGH_SCORE)}, {f}, 'execution.rate_percent', NULL, {rate}::DOUBLE,
              format('预算执行率 {{:.2f}}%，自评总分 {{}}', {rate}::DOUBLE, f.total_claimed::DOUBLE)
            FROM forms f WHERE {rate} < {t.low_exec_rate} AND f.total_claimed >= {t.high_score}""",
        f"""SELECT {_sev(k.TARGET_TOO_LOW)}, {i}, printf('indicators[%d]', i.idx), NULL, i.ratio::DOUBLE,
              format('指标“{{}}”目标 {{}}，实际 {{}}（{{:.1f}} 倍）', i.name, i.target, i.actual, i.ratio::DOUBLE)
            FROM indicators i WHERE i.ratio >= {t.too_low_ratio}""",
        f"""SELECT {_sev(k.QUALITATIVE_HEAVY)}, {f}, 'indicators', NULL, f.n_qualitative / f.n_indicators,
              format('{{}} 个指标中 {{}} 个为定性指标（{{:.0f}}%）', f.n_indicators, f.n_qualitative, 100.0 * f.n_qualitative / f.n_indicators)
            FROM forms f WHERE f.n_indicators >= {t.qualitative_min_indicators}
              AND f.n_qualitative >= {t.qualitative_share} * f.n_indicators""",
        f"""SELECT {_sev(k.REPEATS_TARGET)}, {i}, printf('indicators[%d]', i.idx), NULL, NULL,
              format('指标“{{}}”实际完成值“{{}}”照抄目标值', i.name, i.actual)
            FROM indicators i WHERE i.repeats_target""",
    ]


def _copied(con: duckdb.DuckDBPyConnection, t: Thresholds) -> None:
    """Pairs of forms of different projects sharing most of their (name, target, actual) rows.

    Forms, projects and rows are compared by 64-bit hashes. A row used by more than
    ``copied_max_projects`` projects is a common standard and ignored; a row seen in one
    project only cannot be shared and stays out of the self-join (it still counts in its
    form's size), and so do forms with fewer than ``copied_min`` shareable rows. Each
    unordered pair is counted once, in :data:`PAIRS_PER_PASS`-sized passes over the first
    form's hash, and reported from both sides.
    """
    row = con.execute("SELECT count(*) FROM indicators").fetchone()
    passes = max(1, math.ceil(int(row[0] if row else 0) / ROWS_PER_PASS))
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_sizes (f UBIGINT, n BIGINT)")
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_all (f UBIGINT, p UBIGINT, h UBIGINT)")
    for n in range(passes):
        con.execute(f"""CREATE OR REPLACE TEMP TABLE _cf_rare AS
            WITH sig AS (SELECT DISTINCT hash(form_id) AS f, hash(project_key) AS p, hash(signature) AS h FROM indicators
                         WHERE target_kind <> 'empty' AND hash(signature) % {passes} = {n}),
            pop AS (SELECT h, count(*) AS np FROM (SELECT DISTINCT h, p FROM sig) GROUP BY h)
            SELECT s.f, s.p, s.h, pop.np FROM sig s JOIN pop USING (h) WHERE pop.np <= {t.copied_max_projects}""")
        con.execute("""CREATE OR REPLACE TEMP TABLE _cf_sizes AS SELECT f, sum(n) AS n FROM
            (SELECT f, n FROM _cf_sizes UNION ALL SELECT f, count(*) FROM _cf_rare GROUP BY f) GROUP BY f""")
        con.execute("INSERT INTO _cf_all SELECT f, p, h FROM _cf_rare WHERE np >= 2")
    con.execute("DROP TABLE _cf_rare")
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _cf_multi AS SELECT * FROM _cf_all
        WHERE f IN (SELECT f FROM _cf_all GROUP BY f HAVING count(*) >= {t.copied_min})""")
    con.execute("DROP TABLE _cf_all")
    row = con.execute("SELECT coalesce(sum(c * (c - 1)) // 2, 0) FROM (SELECT count(*) AS c FROM _cf_multi GROUP BY h)").fetchone()
    passes = max(1, math.ceil(int(row[0] if row else 0) / PAIRS_PER_PASS))
    con.execute("CREATE OR REPLACE TEMP TABLE _cf_pairs (fa UBIGINT, fb UBIGINT, shared BIGINT)")
    for n in range(passes):
        con.execute(f"""INSERT INTO _cf_pairs
            SELECT a.f, b.f, count(*) FROM _cf_multi a JOIN _cf_multi b ON a.h = b.h AND a.p <> b.p AND a.f < b.f
            WHERE a.f % {passes} = {n} GROUP BY a.f, b.f HAVING count(*) >= {t.copied_min}""")
    con.execute(f"""INSERT INTO findings
        WITH hits AS (SELECT p.fa, p.fb, p.shared FROM _cf_pairs p
                      JOIN _cf_sizes sa ON sa.f = p.fa JOIN _cf_sizes sb ON sb.f = p.fb
                      WHERE p.shared >= {t.copied_share} * least(sa.n, sb.n)),
        sides AS (SELECT fa, fb, shared FROM hits UNION ALL SELECT fb, fa, shared FROM hits),
        ids AS (SELECT hash(form_id) AS f, form_id, file, year, project_name, implementing_unit FROM forms)
        SELECT {_sev(k.COPIED)}, {_keys("f")}, 'indicators', o.form_id, s.shared::DOUBLE,
          format('与“{{}}”（{{}}）有 {{}} 个指标完全相同', o.project_name, o.form_id, s.shared)
        FROM sides s JOIN ids f ON f.f = s.fa JOIN ids o ON o.f = s.fb""")


def _yoy(t: Thresholds) -> str:
    """Consecutive years of one project at one unit (first form of each year), hashed keys."""
    return f"""
    WITH one AS (SELECT form_id, year, budget_yuan, total_claimed,
                        hash(project_key, coalesce(implementing_unit, '')) AS g
                 FROM forms WHERE year IS NOT NULL AND coalesce(project_key, '') <> ''
                 QUALIFY row_number() OVER (PARTITION BY g, year ORDER BY form_id) = 1),
    seq AS (SELECT *, lag(form_id) OVER w AS prev_id, lag(year) OVER w AS prev_year,
                   lag(budget_yuan) OVER w AS prev_budget, lag(total_claimed) OVER w AS prev_total
            FROM one WINDOW w AS (PARTITION BY g ORDER BY year)),
    j AS (SELECT *, CASE WHEN prev_budget > 0 AND budget_yuan > 0 THEN budget_yuan / prev_budget END AS b_ratio,
                 total_claimed - prev_total AS s_delta FROM seq WHERE prev_id IS NOT NULL),
    hits AS (SELECT * FROM j WHERE b_ratio >= {t.yoy_budget_ratio} OR b_ratio <= 1.0 / {t.yoy_budget_ratio}
                                OR abs(s_delta) >= {t.yoy_score_delta})
    SELECT {_sev(k.YOY_JUMP)}, {_keys("f")}, 'year', j.prev_id, j.b_ratio::DOUBLE,
      format('{{}}→{{}} 年：预算 {{:,.2f}}→{{:,.2f}} 元（{{:.2f}} 倍），自评分 {{}}→{{}}', j.prev_year, j.year,
             coalesce(j.prev_budget::DOUBLE, 0), coalesce(j.budget_yuan::DOUBLE, 0), coalesce(j.b_ratio::DOUBLE, 0),
             coalesce(j.prev_total::DOUBLE::VARCHAR, '—'), coalesce(j.total_claimed::DOUBLE::VARCHAR, '—'))
    FROM hits j JOIN forms f ON f.form_id = j.form_id"""


def build_findings(con: duckdb.DuckDBPyConnection, thresholds: Thresholds | None = None) -> int:
    """Create the table ``findings`` in ``con`` (which has the run's views); returns its size."""
    t = thresholds or Thresholds()
    con.execute(_FINDINGS_TABLE)
    for query in _single_form(t):
        con.execute(f"INSERT INTO findings {query}")
    try:
        _copied(con, t)
    finally:
        for table in _TEMP:
            con.execute(f"DROP TABLE IF EXISTS {table}")
    con.execute(f"INSERT INTO findings {_yoy(t)}")
    rows = con.execute("SELECT count(*) FROM findings").fetchall()
    return int(rows[0][0])
