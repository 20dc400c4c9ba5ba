-- Order KPIs (kpis.md): orders whose current state is `completed`, in the month of that completing
-- event (completed_period, Asia/Shanghai), attributed to the county in the KPI's field of that event.
-- Inputs: orders (silver.orders), periods (the months to compute).
-- The eight KPIs come from one scan of orders: each completed order meets the KPIs its category
-- matches (kpis.md's table, below), and is counted under the county of that KPI's field.
WITH order_kpis (kpi_code, county_field, category) AS (
  VALUES ('service_orders',           'facilitator', NULL),        -- any category
         ('services_provided',        'supplier',    'service'),
         ('achievements_transferred', 'supplier',    'achievement'),
         ('projects_undertaken',      'supplier',    'project'),
         ('services_obtained',        'demander',    'service'),
         ('achievements_introduced',  'demander',    'achievement'),
         ('problems_commissioned',    'demander',    'project'),
         ('deal_amount_wan',          'supplier',    NULL)         -- a sum of amounts, not a count
),
attributed AS (
  SELECT o.completed_period AS period, k.kpi_code, o.amount_yuan,
         CASE k.county_field WHEN 'facilitator' THEN o.facilitator_county
                             WHEN 'supplier' THEN o.supplier_county
                             ELSE o.demander_county END AS county_code
  FROM orders o
  JOIN periods p ON p.period = o.completed_period
  JOIN order_kpis k ON k.category IS NULL OR k.category = o.category
  WHERE o.status = 'completed'
)
SELECT period, county_code, kpi_code,
       CASE WHEN kpi_code = 'deal_amount_wan'
            -- 成交金额(万元): exact decimals; yuan × 0.0001 = 万元.
            THEN CAST(CAST(SUM(amount_yuan) AS DECIMAL(28,6)) * CAST(0.0001 AS DECIMAL(5,4)) AS DECIMAL(28,10))
            ELSE CAST(COUNT(*) AS DECIMAL(28,10)) END AS actual
FROM attributed
WHERE county_code IS NOT NULL                    -- only the facilitator is optional: orders without one count nowhere
  AND (kpi_code <> 'deal_amount_wan' OR amount_yuan IS NOT NULL)
GROUP BY period, county_code, kpi_code
