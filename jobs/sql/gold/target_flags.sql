-- gold.target_flags (docs/methodology.md, "Target plausibility"): one row per county, month, KPI with
-- a target and reason the target is unlikely to mean what it says. Rules from target_rules.
-- Inputs: kpi_county_month (the months to flag and, where the warehouse has it, the December before
-- each year: last year's actual), periods (the months to flag), target_rules.
WITH targeted AS (
  SELECT k.period, p.prev_december, p.month, k.county_code, k.kpi_code, k.target, k.actual_ytd, k.pace
  FROM kpi_county_month k
  JOIN periods p ON p.period = k.period
  WHERE k.target > 0
),
history AS (
  -- Target per unit of last year's actual (December's YTD), on a log scale: a county asked for twice
  -- last year and one asked for half of it are equally far from "the same again".
  SELECT t.period, t.county_code, t.kpi_code, d.actual_ytd AS last_year_actual,
         LN(CAST(t.target AS DOUBLE) / CAST(d.actual_ytd AS DOUBLE)) AS log_ratio
  FROM targeted t
  JOIN kpi_county_month d
    ON d.period = t.prev_december AND d.county_code = t.county_code
   AND d.kpi_code = t.kpi_code AND d.actual_ytd > 0
),
centre AS (
  SELECT period, kpi_code, MEDIAN(log_ratio) AS median_log, COUNT(*) AS counties
  FROM history
  GROUP BY period, kpi_code
),
spread AS (
  -- Median absolute deviation; × 1.4826 it estimates a standard deviation robustly (Iglewicz–Hoaglin).
  SELECT h.period, h.kpi_code, MEDIAN(ABS(h.log_ratio - c.median_log)) AS mad
  FROM history h
  JOIN centre c ON c.period = h.period AND c.kpi_code = h.kpi_code
  GROUP BY h.period, h.kpi_code
),
scored AS (
  SELECT h.period, h.county_code, h.kpi_code, h.last_year_actual,
         (h.log_ratio - c.median_log) / (1.4826 * s.mad) AS robust_z
  FROM history h
  JOIN centre c ON c.period = h.period AND c.kpi_code = h.kpi_code
  JOIN spread s ON s.period = h.period AND s.kpi_code = h.kpi_code
  CROSS JOIN target_rules r
  WHERE c.counties >= r.outlier_min_counties AND s.mad > 0
),
judged AS (
  SELECT t.*, s.last_year_actual, s.robust_z, r.pace_multiple, r.outlier_z,
         t.month >= r.from_month AS past_first_months
  FROM targeted t
  CROSS JOIN target_rules r
  LEFT JOIN scored s ON s.period = t.period AND s.county_code = t.county_code AND s.kpi_code = t.kpi_code
),
flags AS (
  SELECT judged.*, 'target_far_below_pace' AS flag, pace_multiple AS threshold
  FROM judged WHERE past_first_months AND pace >= pace_multiple
  UNION ALL
  SELECT judged.*, 'no_activity_against_target', NULL
  FROM judged WHERE past_first_months AND actual_ytd = 0
  UNION ALL
  SELECT judged.*, 'target_outlier_low', -outlier_z
  FROM judged WHERE robust_z <= -outlier_z
  UNION ALL
  SELECT judged.*, 'target_outlier_high', outlier_z
  FROM judged WHERE robust_z >= outlier_z
)
SELECT period, county_code, kpi_code, flag, target, actual_ytd, pace, last_year_actual, robust_z,
       CAST(threshold AS DOUBLE) AS threshold
FROM flags
