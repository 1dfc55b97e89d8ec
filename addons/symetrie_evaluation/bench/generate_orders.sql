-- Copyright 2026 Symétrie
-- License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
-- Benchmark data, never on a real database: psql -d DB -f generate_orders.sql
-- 500 contractors, 100,000 work orders sent in 2025, about 5 events each.
BEGIN;
CREATE TEMP TABLE bench_partner AS
WITH ins AS (
    INSERT INTO res_partner (name, is_company, active, autopost_bills, supplier_rank, type)
    SELECT 'Bench contractor ' || g, TRUE, TRUE, 'ask', 1, 'contact'
      FROM generate_series(1, 500) g
    RETURNING id
) SELECT id FROM ins;
UPDATE res_partner SET commercial_partner_id = id WHERE id IN (SELECT id FROM bench_partner);
CREATE TEMP TABLE bench_partner_n AS
SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM bench_partner;

CREATE TEMP TABLE bench_order AS
WITH src AS (
    SELECT g,
           timestamp '2025-01-01' + (g % 360) * interval '1 day' + (g % 17) * interval '1 hour' AS sent,
           (SELECT id FROM bench_partner_n WHERE n = g % 500) AS partner_id
      FROM generate_series(1, 100000) g
), ins AS (
    INSERT INTO purchase_order (
        name, partner_id, currency_id, company_id, date_order, state,
        symetrie_is_work_order, symetrie_step, symetrie_sent_date,
        symetrie_accepted_date, symetrie_done_date, symetrie_deadline, amount_untaxed,
        symetrie_urgency, symetrie_contractor_deadline
    )
    SELECT 'BENCH' || g, partner_id, 1, 1, sent, 'purchase', TRUE,
           CASE WHEN g % 10 = 0 THEN 'accepted' WHEN g % 7 = 0 THEN 'work_done' ELSE 'paid' END,
           sent, sent + (g % 48) * interval '1 hour',
           CASE WHEN g % 10 = 0 THEN NULL ELSE sent + (g % 20) * interval '1 day' END,
           sent + interval '15 days', 100 + g % 400,
           'normal', sent + interval '15 days'
      FROM src
    RETURNING id, symetrie_step, symetrie_sent_date, symetrie_accepted_date, symetrie_done_date
) SELECT * FROM ins;

INSERT INTO symetrie_order_event (order_id, author_id, step, source, date, company_id)
SELECT o.id, 1, s.step, 'backend', o.symetrie_sent_date + s.k * interval '1 hour', 1
  FROM bench_order o
  CROSS JOIN (VALUES ('sent', 0), ('accepted', 1), ('visit_booked', 2), ('on_the_way', 3),
                     ('on_site', 4), ('work_done', 5), ('work_refused', 6), ('work_accepted', 7))
             AS s(step, k)
 WHERE s.step IN ('sent', 'accepted')
    OR (o.symetrie_done_date IS NOT NULL AND s.step IN ('on_site', 'work_done'))
    OR (o.symetrie_done_date IS NOT NULL AND o.id % 3 <> 0 AND s.step IN ('visit_booked', 'on_the_way'))
    OR (o.symetrie_done_date IS NOT NULL AND o.id % 11 = 0 AND s.step = 'work_refused')
    OR (o.symetrie_step = 'paid' AND s.step = 'work_accepted');
COMMIT;
ANALYZE purchase_order;
ANALYZE symetrie_order_event;
SELECT count(*) FROM purchase_order WHERE name LIKE 'BENCH%';
SELECT count(*) FROM symetrie_order_event;
