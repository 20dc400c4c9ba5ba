-- Each scored KPI's weighted term of the score (kpis.md, "Score, rank, grade"), shared by
-- county_scores.sql and score_change_parts.sql so that both add up the very same numbers.
-- Inputs: kpi_county_month, kpi_weights, methodology, periods.
-- kpi_score = 100 × min(pace, cap), over the weighted KPIs with a target (> 0) for that county and
-- year. The term weight × kpi_score is put on a grid of 2^-40 (about 1e-12, far below anything shown
-- or ranked): sums of such terms are exact in a DOUBLE, so a score does not depend on the order rows
-- arrive in — a rerun, a full rebuild, Spark and DuckDB all give the same bits.
WITH scored AS (
  SELECT k.period, k.county_code, k.kpi_code, w.weight,
         100 * LEAST(k.pace, m.kpi_score_cap) AS kpi_score
  FROM kpi_county_month k
  JOIN kpi_weights w ON w.kpi_code = k.kpi_code
  CROSS JOIN methodology m
  WHERE k.target > 0 AND k.period IN (SELECT period FROM periods)
)
SELECT period, county_code, kpi_code, weight, kpi_score,
       FLOOR(weight * kpi_score * 1099511627776 + 0.5) / 1099511627776 AS term
FROM scored
