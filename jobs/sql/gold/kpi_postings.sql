-- postings (kpis.md): distinct posting_id by posted_at month, by county_code.
-- Inputs: postings (silver.postings, one row per posting_id), periods.
SELECT period, county_code, 'postings' AS kpi_code, CAST(COUNT(DISTINCT posting_id) AS DECIMAL(28,10)) AS actual
FROM postings
WHERE period IN (SELECT period FROM periods)
GROUP BY period, county_code
