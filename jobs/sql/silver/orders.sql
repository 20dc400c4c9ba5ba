-- silver.orders: one row per order, its current state (landing.md, "orders").
-- Input: order_events (the de-duplicated change events of the orders to (re)compute).
-- The current event is the one with the latest event_time (as instants); on equal event_time the later
-- lifecycle step (created < matched < signed < completed, cancelled last); on a full tie the later
-- export (dt, then file, then line). It decides status, category and counties. amount_yuan is the
-- latest non-null amount in the same order of events.
WITH events AS (
  SELECT e.*,
         CASE status WHEN 'created' THEN 1 WHEN 'matched' THEN 2 WHEN 'signed' THEN 3
                     WHEN 'completed' THEN 4 WHEN 'cancelled' THEN 5 END AS step
  FROM order_events e
),
ranked AS (
  SELECT events.*,
         ROW_NUMBER() OVER (PARTITION BY order_id
                            ORDER BY event_time_ts DESC, step DESC, dt DESC, file DESC, line_number DESC) AS recency,
         COUNT(*) OVER (PARTITION BY order_id) AS event_count
  FROM events
),
latest_amount AS (
  SELECT order_id, amount_yuan
  FROM (SELECT order_id, amount_yuan,
               ROW_NUMBER() OVER (PARTITION BY order_id
                                  ORDER BY event_time_ts DESC, step DESC, dt DESC, file DESC, line_number DESC) AS recency
        FROM events
        WHERE amount_yuan IS NOT NULL) amounts
  WHERE recency = 1
)
SELECT r.order_id,
       r.status,
       r.category,
       r.supplier_id,
       r.supplier_county,
       r.demander_id,
       r.demander_county,
       r.facilitator_county,
       a.amount_yuan,
       r.event_time_ts AS state_time,
       CASE WHEN r.status = 'completed' THEN r.period END AS completed_period,
       r.event_id AS current_event_id,
       r.event_count
FROM ranked r
LEFT JOIN latest_amount a ON a.order_id = r.order_id
WHERE r.recency = 1
