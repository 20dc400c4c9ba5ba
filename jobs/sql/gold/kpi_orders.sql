-- Order KPIs (kpis.md): orders whose current state is `completed`, in the month of that completing
-- event (completed_period, Asia/Shanghai), attributed to the county in the KPI's field of that event.
-- Inputs: orders (silver.orders), periods (the months to compute).
WITH completed AS (
  SELECT * FROM orders
  WHERE status = 'completed' AND completed_period IN (SELECT period FROM periods)
)
SELECT completed_period AS period, facilitator_county AS county_code, 'service_orders' AS kpi_code,
       CAST(COUNT(*) AS DECIMAL(28,10)) AS actual
FROM completed WHERE facilitator_county IS NOT NULL            -- orders without one count nowhere
GROUP BY completed_period, facilitator_county
UNION ALL
SELECT completed_period, supplier_county, 'services_provided', CAST(COUNT(*) AS DECIMAL(28,10))
FROM completed WHERE category = 'service' GROUP BY completed_period, supplier_county
UNION ALL
SELECT completed_period, supplier_county, 'achievements_transferred', CAST(COUNT(*) AS DECIMAL(28,10))
FROM completed WHERE category = 'achievement' GROUP BY completed_period, supplier_county
UNION ALL
SELECT completed_period, supplier_county, 'projects_undertaken', CAST(COUNT(*) AS DECIMAL(28,10))
FROM completed WHERE category = 'project' GROUP BY completed_period, supplier_county
UNION ALL
SELECT completed_period, demander_county, 'services_obtained', CAST(COUNT(*) AS DECIMAL(28,10))
FROM completed WHERE category = 'service' GROUP BY completed_period, demander_county
UNION ALL
SELECT completed_period, demander_county, 'achievements_introduced', CAST(COUNT(*) AS DECIMAL(28,10))
FROM completed WHERE category = 'achievement' GROUP BY completed_period, demander_county
UNION ALL
SELECT completed_period, demander_county, 'problems_commissioned', CAST(COUNT(*) AS DECIMAL(28,10))
FROM completed WHERE category = 'project' GROUP BY completed_period, demander_county
UNION ALL
-- 成交金额(万元): exact decimals; yuan × 0.0001 = 万元.
SELECT completed_period, supplier_county, 'deal_amount_wan',
       CAST(CAST(SUM(amount_yuan) AS DECIMAL(28,6)) * CAST(0.0001 AS DECIMAL(5,4)) AS DECIMAL(28,10))
FROM completed WHERE amount_yuan IS NOT NULL GROUP BY completed_period, supplier_county
