-- Popular-science KPIs (kpis.md): base activities and their participants by activity_date month,
-- precise pushes (distinct delivery_id) by delivered_at month; all by county_code.
-- Inputs: science_base_activity, popsci_deliveries (silver, one row per id), periods.
SELECT a.period, a.county_code, 'popsci_activities' AS kpi_code, CAST(COUNT(DISTINCT a.activity_id) AS DECIMAL(28,10)) AS actual
FROM science_base_activity a JOIN periods p ON p.period = a.period
GROUP BY a.period, a.county_code
UNION ALL
SELECT a.period, a.county_code, 'popsci_participants', CAST(SUM(a.participants) AS DECIMAL(28,10))
FROM science_base_activity a JOIN periods p ON p.period = a.period
GROUP BY a.period, a.county_code
UNION ALL
SELECT d.period, d.county_code, 'popsci_reach', CAST(COUNT(DISTINCT d.delivery_id) AS DECIMAL(28,10))
FROM popsci_deliveries d JOIN periods p ON p.period = d.period
GROUP BY d.period, d.county_code
