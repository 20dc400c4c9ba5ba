-- silver.users: one row per platform user: the current profile and the first registration.
-- Input: registration_events (the de-duplicated events of the users to (re)compute).
-- The current profile is the latest event (event_time, then export dt, file, line). The first
-- registration is the earliest `register` event, ties broken the same way: a re-sent `register`
-- does not move a user's registration month, and its county and user type are that event's.
WITH latest AS (
  SELECT * FROM (
    SELECT e.*,
           ROW_NUMBER() OVER (PARTITION BY user_id
                              ORDER BY event_time_ts DESC, dt DESC, file DESC, line_number DESC) AS recency
    FROM registration_events e) x
  WHERE recency = 1
),
first_register AS (
  SELECT * FROM (
    SELECT e.*,
           ROW_NUMBER() OVER (PARTITION BY user_id
                              ORDER BY event_time_ts ASC, dt ASC, file ASC, line_number ASC) AS seniority
    FROM registration_events e
    WHERE op = 'register') x
  WHERE seniority = 1
)
SELECT l.user_id,
       l.user_type,
       l.county_code,
       l.display_name,
       l.phone_hash,
       l.phone_masked,
       l.op = 'deregister' AS deregistered,
       l.event_time_ts AS updated_at,
       f.event_time_ts AS first_register_time,
       f.period AS first_register_period,
       f.county_code AS first_register_county,
       f.user_type AS first_register_type
FROM latest l
LEFT JOIN first_register f ON f.user_id = l.user_id
