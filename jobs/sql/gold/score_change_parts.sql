-- gold.score_change_parts (docs/methodology.md, "Why the score moved"): each county's score_change
-- split into one part per weighted KPI and the renormalisation. With T = Σ terms and W = Σ weights of
-- the scored KPIs (kpi_terms.sql), score = T / W, so
--   score − score_prev = Σ_k (term_k − term_prev_k) / W  +  T_prev · (1 / W − 1 / W_prev):
-- a KPI's part is its term's change at this month's W; the renormalisation is what a change in the
-- set of scored KPIs (new or dropped targets) does. Parts are DECIMAL(20,12); the renormalisation part
-- also takes their rounding, so a county's parts add up exactly to CAST(score_change AS DECIMAL(20,12)).
-- Inputs: kpi_terms, kpi_weights, county_scores, periods (the months and the months before them).
-- Written with subqueries, not WITH: the WITH form of this query, which reads two views with CTEs of
-- their own (county_scores, kpi_terms), failed on Spark 4.1.1 over a one-month warehouse with an
-- internal error in CTE inlining ("Invalid call to exprId on unresolved object").
SELECT period, county_code, component, weight, kpi_score, kpi_score_previous,
       COALESCE(kpi_part, CAST(CAST(score_change AS DECIMAL(20,12))
                               - SUM(kpi_part) OVER (PARTITION BY period, county_code) AS DECIMAL(20,12))) AS contribution
FROM (
  -- One row per moved county and weighted KPI scored this month or last, plus its renormalisation row.
  SELECT m.period, m.county_code, c.component, c.weight, cur.kpi_score, prev.kpi_score AS kpi_score_previous,
         m.score_change,
         CASE WHEN c.weight IS NOT NULL THEN
           CAST((COALESCE(cur.term, 0) - COALESCE(prev.term, 0)) / m.weight_sum AS DECIMAL(20,12)) END AS kpi_part
  FROM (
    -- The counties whose score changed, with this month's Σ weight W.
    SELECT s.period, p.prev_period, s.county_code, s.score_change, t.weight_sum
    FROM county_scores s
    JOIN periods p ON p.period = s.period
    JOIN (SELECT period, county_code, CAST(SUM(weight) AS DOUBLE) AS weight_sum
          FROM kpi_terms GROUP BY period, county_code) t
      ON t.period = s.period AND t.county_code = s.county_code
    WHERE s.score_change IS NOT NULL
  ) m
  CROSS JOIN (SELECT kpi_code AS component, weight FROM kpi_weights
              UNION ALL SELECT 'renormalisation', CAST(NULL AS DECIMAL(5,4))) c
  LEFT JOIN kpi_terms cur ON cur.period = m.period AND cur.county_code = m.county_code AND cur.kpi_code = c.component
  LEFT JOIN kpi_terms prev ON prev.period = m.prev_period AND prev.county_code = m.county_code
                          AND prev.kpi_code = c.component
  WHERE c.weight IS NULL OR cur.term IS NOT NULL OR prev.term IS NOT NULL
) parts
