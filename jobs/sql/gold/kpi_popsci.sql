-- Popular-science KPIs (kpis.md): base activities and their participants by activity_date month,
-- precise pushes (distinct delivery_id) by delivered_at month; all by county_code.
-- Inputs: science_base_activity, popsci_deliveries (silver, one row per id), periods.
SELECT period, county_code, 'popsci_activities' AS kpi_code, CAST(COUNT(DISTINCT activity_id) AS DECIMAL(28,10)) AS actual
FROM science_base_activity WHERE period IN (SELECT period FROM periods)
GROUP BY period, county_code
UNION ALL
SELECT period, county_code, 'popsci_participants', CAST(SUM(participants) AS DECIMAL(28,10))
FROM science_base_activity WHERE period IN (SELECT period FROM periods)
GROUP BY period, county_code
UNION ALL
SELECT period, county_code, 'popsci_reach', CAST(COUNT(DISTINCT delivery_id) AS DECIMAL(28,10))
FROM popsci_deliveries WHERE period IN (SELECT period FROM periods)
GROUP BY period, county_code
