-- gold.score_change_parts (docs/methodology.md, "Why the score moved"): each county's score_change
-- split into one part per weighted KPI and the renormalisation. With T = Σ terms and W = Σ weights of
-- the scored KPIs (kpi_terms.sql), score = T / W, so
--   score − score_prev = Σ_k (term_k − term_prev_k) / W  +  T_prev · (1 / W − 1 / W_prev):
-- a KPI's part is its term's change at this month's W; the renormalisation is what a change in the
-- set of scored KPIs (new or dropped targets) does. Parts are DECIMAL(20,12); the renormalisation part
-- also takes their rounding, so a county's parts add up exactly to CAST(score_change AS DECIMAL(20,12)).
-- Inputs: kpi_terms, kpi_weights, county_scores, periods (the months and the months before them).
WITH totals AS (
  SELECT period, county_code, CAST(SUM(weight) AS DOUBLE) AS weight_sum
  FROM kpi_terms
  GROUP BY period, county_code
),
moved AS (
  SELECT s.period, p.prev_period, s.county_code, s.score_change, t.weight_sum
  FROM county_scores s
  JOIN periods p ON p.period = s.period
  JOIN totals t ON t.period = s.period AND t.county_code = s.county_code
  WHERE s.score_change IS NOT NULL
),
kpi_parts AS (
  SELECT m.period, m.county_code, w.kpi_code AS component, w.weight,
         cur.kpi_score, prev.kpi_score AS kpi_score_previous,
         CAST((COALESCE(cur.term, 0) - COALESCE(prev.term, 0)) / m.weight_sum AS DECIMAL(20,12)) AS contribution
  FROM moved m
  CROSS JOIN kpi_weights w
  LEFT JOIN kpi_terms cur ON cur.period = m.period AND cur.county_code = m.county_code AND cur.kpi_code = w.kpi_code
  LEFT JOIN kpi_terms prev ON prev.period = m.prev_period AND prev.county_code = m.county_code
                          AND prev.kpi_code = w.kpi_code
  WHERE cur.term IS NOT NULL OR prev.term IS NOT NULL
),
renormalisation AS (
  SELECT m.period, m.county_code, 'renormalisation' AS component, CAST(NULL AS DECIMAL(5,4)) AS weight,
         CAST(NULL AS DOUBLE) AS kpi_score, CAST(NULL AS DOUBLE) AS kpi_score_previous,
         CAST(CAST(m.score_change AS DECIMAL(20,12)) - SUM(k.contribution) AS DECIMAL(20,12)) AS contribution
  FROM moved m
  JOIN kpi_parts k ON k.period = m.period AND k.county_code = m.county_code
  GROUP BY m.period, m.county_code, m.score_change
)
SELECT * FROM kpi_parts
UNION ALL
SELECT * FROM renormalisation
