-- gold.county_scores (kpis.md, "Score, rank, grade"): one row per county per month, all counties.
-- Inputs: kpi_terms, methodology, grade_bands, counties, and periods (the months
-- to score; a month's score_change needs the previous month among them, else it is NULL).
WITH scores AS (
  -- Σ w·kpi_score / Σ w over the scored KPIs' terms (kpi_terms.sql).
  SELECT period, county_code, SUM(term) / CAST(SUM(weight) AS DOUBLE) AS score, COUNT(*) AS kpis_scored
  FROM kpi_terms
  GROUP BY period, county_code
),
listed AS (
  -- Every county is listed; one without a scored KPI has score NULL and kpis_scored 0.
  SELECT p.period, c.county_code, c.county_name, c.city_code, c.city_name, s.score,
         CAST(COALESCE(s.kpis_scored, 0) AS INT) AS kpis_scored,
         -- round(score, 2), half away from zero, on the decimal a person reads.
         ROUND(CAST(s.score AS DECIMAL(20,10)), 2) AS score_2dp
  FROM periods p
  CROSS JOIN counties c
  LEFT JOIN scores s ON s.period = p.period AND s.county_code = c.county_code
),
ranked AS (
  -- Standard competition ranking (1, 2, 2, 4) on round(score, 2), highest first.
  SELECT l.*,
         CASE WHEN score IS NOT NULL THEN
           CAST(RANK() OVER (PARTITION BY period ORDER BY score_2dp DESC NULLS LAST) AS INT) END AS rank_province,
         CASE WHEN score IS NOT NULL THEN
           CAST(RANK() OVER (PARTITION BY period, city_code ORDER BY score_2dp DESC NULLS LAST) AS INT) END AS rank_city
  FROM listed l
),
graded AS (
  SELECT r.*, g.grade
  FROM ranked r
  LEFT JOIN grade_bands g
    ON r.score_2dp IS NOT NULL
   AND (g.min_score IS NULL OR r.score_2dp >= g.min_score)
   AND (g.below_score IS NULL OR r.score_2dp < g.below_score)
)
SELECT cur.period, cur.county_code, cur.county_name, cur.city_code, cur.city_name,
       cur.score, cur.kpis_scored, cur.rank_province, cur.rank_city, cur.grade,
       cur.score - prev.score AS score_change,                              -- previous calendar month
       prev.rank_province - cur.rank_province AS rank_change,               -- positive = moved up
       m.version AS methodology_version
FROM graded cur
JOIN periods p ON p.period = cur.period
CROSS JOIN methodology m
LEFT JOIN graded prev ON prev.period = p.prev_period AND prev.county_code = cur.county_code
