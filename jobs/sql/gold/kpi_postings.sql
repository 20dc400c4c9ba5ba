-- postings (kpis.md): distinct posting_id by posted_at month, by county_code.
-- Inputs: postings (silver.postings, one row per posting_id), periods.
SELECT s.period, s.county_code, 'postings' AS kpi_code, CAST(COUNT(DISTINCT s.posting_id) AS DECIMAL(28,10)) AS actual
FROM postings s
JOIN periods p ON p.period = s.period
GROUP BY s.period, s.county_code
