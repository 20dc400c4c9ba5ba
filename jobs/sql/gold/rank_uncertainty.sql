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
  -- Ranked as county_scores.sql ranks: round(score, 2), standard competition ranking; from the
  -- bottom the same way, for the bottom 10.
  SELECT period, county_code, draw,
         RANK() OVER (PARTITION BY period, draw ORDER BY ROUND(CAST(score AS DECIMAL(20,10)), 2) DESC) AS rank_top,
         RANK() OVER (PARTITION BY period, draw ORDER BY ROUND(CAST(score AS DECIMAL(20,10)), 2) ASC) AS rank_bottom
  FROM drawn
),
ordered AS (
  SELECT r.*, ROW_NUMBER() OVER (PARTITION BY period, county_code ORDER BY rank_top) AS position
  FROM ranked r
),
summary AS (
  SELECT o.period, o.county_code,
         MAX(CASE WHEN o.position = u.low_position THEN o.rank_top END) AS rank_low,
         MAX(CASE WHEN o.position = u.high_position THEN o.rank_top END) AS rank_high,
         SUM(CASE WHEN o.rank_top <= 10 THEN 1 ELSE 0 END) AS top10_draws,
         SUM(CASE WHEN o.rank_bottom <= 10 THEN 1 ELSE 0 END) AS bottom10_draws
  FROM ordered o
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
