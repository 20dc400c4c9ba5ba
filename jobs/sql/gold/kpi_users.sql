-- new_users (kpis.md): distinct users whose first `register` event falls in the month, user_type
-- scientist/team/enterprise, by that event's county_code.
-- Inputs: users (silver.users, one row per user), periods.
SELECT u.first_register_period AS period, u.first_register_county AS county_code, 'new_users' AS kpi_code,
       CAST(COUNT(*) AS DECIMAL(28,10)) AS actual
FROM users u
JOIN periods p ON p.period = u.first_register_period
WHERE u.first_register_type IN ('scientist', 'team', 'enterprise')
GROUP BY u.first_register_period, u.first_register_county
