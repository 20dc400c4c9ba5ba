-- Every KPI family's monthly actuals in one relation (sparse: only what happened).
-- Inputs: kpi_orders, kpi_users, kpi_postings, kpi_popsci.
SELECT period, county_code, kpi_code, actual FROM kpi_orders
UNION ALL SELECT period, county_code, kpi_code, actual FROM kpi_users
UNION ALL SELECT period, county_code, kpi_code, actual FROM kpi_postings
UNION ALL SELECT period, county_code, kpi_code, actual FROM kpi_popsci
