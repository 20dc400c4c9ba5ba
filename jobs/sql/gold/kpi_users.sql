-- new_users (kpis.md): distinct users whose first `register` event falls in the month, user_type
-- scientist/team/enterprise, by that event's county_code.
-- Inputs: users (silver.users, one row per user), periods.
SELECT first_register_period AS period, first_register_county AS county_code, 'new_users' AS kpi_code,
       CAST(COUNT(*) AS DECIMAL(28,10)) AS actual
FROM users
WHERE first_register_type IN ('scientist', 'team', 'enterprise')
  AND first_register_period IN (SELECT period FROM periods)
GROUP BY first_register_period, first_register_county
