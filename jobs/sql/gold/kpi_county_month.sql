-- gold.kpi_county_month (kpis.md, "Completion against targets"): dense, one row for every county ×
-- month × KPI, zeros where nothing happened.
-- Inputs: kpi_actuals, counties, kpi_catalogue, targets, and periods, which must hold every month
-- from January of each year computed (YTD sums January to m).
-- Ratios are DOUBLE, computed from exact decimals by one IEEE division each, so both engines agree.
WITH grid AS (
  SELECT p.period, p.year, p.month, c.county_code, k.kpi_code
  FROM periods p CROSS JOIN counties c CROSS JOIN kpi_catalogue k
),
monthly AS (
  SELECT g.period, g.year, g.month, g.county_code, g.kpi_code,
         COALESCE(a.actual, CAST(0 AS DECIMAL(28,10))) AS actual
  FROM grid g
  LEFT JOIN kpi_actuals a ON a.period = g.period AND a.county_code = g.county_code AND a.kpi_code = g.kpi_code
),
year_to_date AS (
  SELECT m.*,
         CAST(SUM(actual) OVER (PARTITION BY county_code, kpi_code, year ORDER BY month
                                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS DECIMAL(28,10)) AS actual_ytd,
         CAST(month AS DOUBLE) / 12 AS time_progress                        -- 序时进度 m / 12
  FROM monthly m
),
rated AS (
  SELECT y.*, t.target,
         CAST(y.actual_ytd AS DOUBLE) / CAST(t.target AS DOUBLE) AS completion_rate   -- NULL without a target
  FROM year_to_date y
  LEFT JOIN targets t ON t.year = y.year AND t.county_code = y.county_code AND t.kpi_code = y.kpi_code
)
SELECT period, county_code, kpi_code, actual, actual_ytd, target, completion_rate, time_progress,
       completion_rate / time_progress AS pace                            -- > 1 means ahead of schedule
FROM rated
