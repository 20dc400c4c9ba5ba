-- gold.rank_uncertainty (docs/methodology.md, "Rank uncertainty"): one row per county per month, all
-- counties: the province ranks a county takes when the weights and the cap vary (Monte Carlo), as an
-- interval of two nearest-rank percentiles, and how often it is in the top 10 and the bottom 10.
-- Inputs: kpi_county_month, draw_weights, draw_caps (MonteCarloDraws), uncertainty_rules, counties,
-- periods (the months).
WITH scored AS (
  SELECT k.period, k.county_code, k.kpi_code, k.pace
  FROM kpi_county_month k
  WHERE k.target > 0 AND k.period IN (SELECT period FROM periods)
),
drawn AS (
  -- Every county's score in every draw at once (draws × counties), terms on the 2^-40 grid of
  -- kpi_terms.sql and weights on a 2^-30 grid: exact sums, the same bits on Spark and DuckDB.
  SELECT s.period, s.county_code, w.draw,
         SUM(FLOOR(w.weight * (100 * LEAST(s.pace, c.cap)) * 1099511627776 + 0.5) / 1099511627776)
           / SUM(w.weight) AS score
  FROM scored s
  JOIN draw_weights w ON w.kpi_code = s.kpi_code
  JOIN draw_caps c ON c.draw = w.draw
  GROUP BY s.period, s.county_code, w.draw
),
ranked AS (
  SELECT period, county_code, draw,
         RANK() OVER (PARTITION BY period, draw ORDER BY score_2dp DESC) AS rank_top,
         COUNT(*) OVER (PARTITION BY period, draw ORDER BY score_2dp DESC
                        RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS at_or_above,
         COUNT(*) OVER (PARTITION BY period, draw ORDER BY score_2dp DESC
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS scored_counties
  FROM (SELECT d.*, ROUND(CAST(score AS DECIMAL(20,10)), 2) AS score_2dp FROM drawn d) x
),
histogram AS (
  SELECT period, county_code, rank_top, COUNT(*) AS draws_at,
         SUM(CASE WHEN scored_counties - at_or_above + 1 <= 10 THEN 1 ELSE 0 END) AS bottom10_draws
  FROM ranked
  GROUP BY period, county_code, rank_top
),
cumulative AS (
  SELECT h.*, SUM(draws_at) OVER (PARTITION BY period, county_code ORDER BY rank_top
                                  ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS draws_up_to
  FROM histogram h
),
summary AS (
  SELECT o.period, o.county_code,
         MIN(CASE WHEN o.draws_up_to >= u.low_position THEN o.rank_top END) AS rank_low,
         MIN(CASE WHEN o.draws_up_to >= u.high_position THEN o.rank_top END) AS rank_high,
         SUM(CASE WHEN o.rank_top <= 10 THEN o.draws_at ELSE 0 END) AS top10_draws,
         SUM(o.bottom10_draws) AS bottom10_draws
  FROM cumulative o
  CROSS JOIN uncertainty_rules u
  GROUP BY o.period, o.county_code
)
SELECT p.period, c.county_code,
       CAST(s.rank_low AS INT) AS rank_low,
       CAST(s.rank_high AS INT) AS rank_high,
       s.top10_draws / CAST(u.draws AS DOUBLE) AS p_top10,
       s.bottom10_draws / CAST(u.draws AS DOUBLE) AS p_bottom10,
       CAST(u.draws AS INT) AS draws
FROM periods p
CROSS JOIN counties c
CROSS JOIN uncertainty_rules u
LEFT JOIN summary s ON s.period = p.period AND s.county_code = c.county_code
