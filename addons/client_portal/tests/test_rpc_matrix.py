# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The RPC access matrix: every role x the project's models (and the Odoo
models they expose) x read/search/read_group/write/create/unlink and the
public methods, through /web/dataset/call_kw as a browser would call it.

A refused call returns an error or nothing of the record, never a sensitive
value, and leaves the database as it was. Allowed writes are not exercised
here (their tests are in each add-on); allowed reads must see the record."""
import json
import logging

from odoo.tests import tagged
from odoo.tools import SQL

from .common_trust import TrustCase

_logger = logging.getLogger(__name__)

ROLES = (
    "contractor",
    "technician",
    "client",
    "tenant",
    "landlord",
    "label",
    "accountant",
    "public",
)
INTERNAL = {"landlord", "label", "accountant"}
# Tables whose content must not move when a call is refused.
WATCHED_TABLES = (
    "symetrie_dwelling",
    "symetrie_building",
    "mq_annex_cost_declaration",
    "purchase_order",
    "purchase_order_line",
    "symetrie_order_event",
    "symetrie_extra_work",
    "account_move",
    "symetrie_bill_hold",
    "symetrie_evaluation",
    "symetrie_evaluation_line",
    "symetrie_scorecard",
    "project_project",
    "sale_order",
    "mq_complaint",
    "mq_commitment",
    "survey_user_input",
)
# Tables that grow with logs: only their row count and last id are watched.
GROWING_TABLES = ("mail_message", "ir_attachment")

# target: (model, record attribute, sensitive fields, roles that read it,
#          roles that may write it, values written)
TARGETS = {
    "order assigned to the technician": (
        "purchase.order", "order_assigned",
        ("symetrie_tenant_phone", "symetrie_access_instructions", "amount_total"),
        {"contractor", "technician", "landlord", "accountant"},
        {"landlord", "accountant"},
        {"symetrie_description": "forged"},
    ),
    "order not assigned": (
        "purchase.order", "order_unassigned",
        ("symetrie_tenant_phone", "symetrie_access_instructions", "amount_total"),
        {"contractor", "landlord", "accountant"},
        {"landlord", "accountant"},
        {"symetrie_description": "forged"},
    ),
    "another contractor's order": (
        "purchase.order", "order_b",
        ("symetrie_tenant_phone", "symetrie_access_instructions", "amount_total"),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"symetrie_description": "forged"},
    ),
    # Addressed to the contractor but not sent yet (the landlord may still
    # change it or give it to another contractor), or cancelled before.
    "the contractor's order not sent yet": (
        "purchase.order", "order_draft",
        ("symetrie_tenant_phone", "symetrie_access_instructions", "amount_total"),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"symetrie_description": "forged"},
    ),
    "the contractor's order cancelled before it was sent": (
        "purchase.order", "order_draft_cancelled",
        ("amount_total",),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"symetrie_description": "forged"},
    ),
    "the line of the contractor's order not sent yet": (
        "purchase.order.line", "line_draft",
        ("price_unit", "price_total"),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"price_unit": 1.0},
    ),
    "a dwelling (door code, tenant)": (
        "symetrie.dwelling", "dwelling",
        ("access_instructions", "street"),
        {"landlord"},
        {"landlord"},
        {"access_instructions": "forged"},
    ),
    "a building": (
        "symetrie.building", "building",
        ("name", "street"),
        {"landlord"},
        {"landlord"},
        {"name": "forged"},
    ),
    "another contractor's order line": (
        "purchase.order.line", "line_b",
        ("price_unit", "price_total"),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"price_unit": 1.0},
    ),
    "another contractor's order event": (
        "symetrie.order.event", "event_b",
        ("note", "step"),
        {"landlord"},
        set(),
        {"note": "forged"},
    ),
    "another contractor's extra work quote": (
        "symetrie.extra.work", "extra_work_b",
        ("description", "amount"),
        {"landlord"},
        set(),
        {"description": "forged", "state": "accepted"},
    ),
    "the contractor's own extra work quote": (
        "symetrie.extra.work", "extra_work_a",
        ("description", "amount"),
        {"contractor", "technician", "landlord"},
        set(),
        {"amount": 1.0, "state": "accepted"},
    ),
    "another contractor's bill": (
        "account.move", "bill_b",
        ("amount_total", "ref"),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"ref": "forged"},
    ),
    "another contractor's hold": (
        "symetrie.bill.hold", "hold_b",
        ("note", "reason"),
        {"landlord", "accountant"},
        set(),
        {"note": "forged"},
    ),
    "the tenant's e-mail": (
        "mail.message", "tenant_mail",
        ("body",),
        {"landlord", "accountant"},
        # Odoo: who may write a document may edit or delete its messages.
        {"landlord", "accountant"},
        {"body": "forged"},
    ),
    "another contractor's photo": (
        "ir.attachment", "photo_b",
        ("name", "datas"),
        {"landlord", "accountant"},
        {"landlord", "accountant"},
        {"name": "forged.png"},
    ),
    "evaluation of another contractor": (
        "symetrie.evaluation", "evaluation_of_b",
        ("comment", "score"),
        {"landlord"},
        set(),
        {"comment": "forged"},
    ),
    "the contractor's own evaluation": (
        "symetrie.evaluation", "evaluation_by_a",
        ("comment", "score"),
        {"contractor", "technician", "landlord"},
        {"landlord"},
        {"comment": "forged"},
    ),
    "the landlord's scorecard": (
        "symetrie.scorecard", "scorecard_landlord",
        ("held_amount",),
        {"contractor", "technician", "landlord"},
        set(),
        {"held_amount": 0.0},
    ),
    "another contractor's scorecard": (
        "symetrie.scorecard", "scorecard_b",
        ("held_amount",),
        {"landlord"},
        set(),
        {"held_amount": 0.0},
    ),
    # Odoo: employees read the projects open to employees or the portal.
    "another client's house": (
        "project.project", "house_b",
        ("name",),
        {"label", "landlord", "accountant"},
        {"label"},
        {"name": "forged"},
    ),
    # Odoo: invoicing users read and write quotes (to invoice them).
    "another client's quote": (
        "sale.order", "quote_b",
        ("amount_total",),
        {"label", "accountant"},
        {"label", "accountant"},
        {"note": "forged"},
    ),
    "another client's quote annex cost": (
        "mq.annex.cost.declaration", "annex_b",
        ("justification",),
        {"label"},
        {"label"},
        {"justification": "forged"},
    ),
    "another client's complaint": (
        "mq.complaint", "complaint_b",
        ("name", "description"),
        {"label"},
        {"label"},
        {"name": "forged"},
    ),
    "another client's commitment": (
        "mq.commitment", "commitment_b",
        ("name",),
        {"label"},
        {"label"},
        {"name": "forged"},
    ),
    "another client's survey answer": (
        "survey.user_input", "survey_input_b",
        ("state", "partner_id"),
        {"label"},
        {"label"},
        {"state": "done"},
    ),
    "the client's internal house file": (
        "ir.attachment", "internal_file_a",
        ("name", "datas"),
        {"label", "landlord", "accountant"},
        {"label"},
        {"name": "forged.pdf"},
    ),
}

# Public methods: (model, record attribute, method, args, roles allowed).
METHODS = (
    ("purchase.order", "order_b", "action_symetrie_accept", [], {"landlord"}),
    ("purchase.order", "order_unassigned", "action_symetrie_accept", [], {"contractor", "landlord"}),
    ("purchase.order", "order_b", "action_symetrie_send", [], {"landlord"}),
    ("purchase.order", "order_b", "button_cancel", [], {"landlord"}),
    ("purchase.order", "order_b", "action_symetrie_on_site", [], {"landlord"}),
    ("purchase.order", "order_b", "action_symetrie_open_step_wizard", [], {"landlord"}),
    # Extra work quotes: only work order administrators decide (none here).
    ("symetrie.extra.work", "extra_work_a", "action_symetrie_accept", [], set()),
    ("symetrie.extra.work", "extra_work_b", "action_symetrie_accept", [], set()),
    ("symetrie.extra.work", "extra_work_a", "action_symetrie_refuse", [], set()),
    ("account.move", "bill_b", "action_symetrie_release", [], {"accountant"}),
    ("account.move", "bill_b", "button_draft", [], {"accountant", "landlord"}),
    ("account.move", "bill_b", "action_symetrie_open_hold_wizard", [], {"accountant"}),
    ("symetrie.evaluation", "evaluation_by_a", "action_submit", [], {"landlord"}),
    ("mq.commitment", "commitment_b", "action_client_acknowledge", [], set()),
    ("mq.commitment", "commitment_b", "action_builder_acknowledge", [], {"label"}),
    ("mq.complaint", "complaint_b", "action_start", [], {"label"}),
    ("mq.complaint", "complaint_b", "action_close", [], {"label"}),
    # The visit planning API is the server's (portal routes call it after
    # their checks): never callable over RPC, whoever asks.
    ("purchase.order", "order_b", "_symetrie_propose_slots",
     [[["2030-01-15 08:00:00", "2030-01-15 10:00:00"]]], set()),
    ("purchase.order", "order_assigned", "_symetrie_tenant_choose_slot", [1], set()),
    ("purchase.order", "order_assigned", "_symetrie_tenant_ask_other_slots", ["x"], set()),
    ("purchase.order", "order_assigned", "_symetrie_tenant_report_no_show", [], set()),
    ("purchase.order", "order_assigned", "_symetrie_tenant_absent", [[]], set()),
    ("purchase.order", "order_assigned", "_symetrie_visit_ics", [], set()),
)


def _create_values(case):
    """Values a forged create would send, per model."""
    return {
        "purchase.order": {"partner_id": case.company_b.id, "symetrie_is_work_order": True},
        "symetrie.dwelling": {"name": "forged", "tenant_id": case.tenant.id},
        "symetrie.building": {"name": "forged", "code": "FG"},
        "mq.annex.cost.declaration": {
            "order_id": case.quote_b.id, "category_id": case.annex_b.category_id.id,
            "status": "included", "justification": "forged",
        },
        "purchase.order.line": {
            "order_id": case.order_b.id, "name": "forged", "product_qty": 1,
            "price_unit": 1.0, "product_id": case.product.id,
        },
        "symetrie.order.event": {"order_id": case.order_b.id, "step": "paid"},
        "symetrie.extra.work": {
            "order_id": case.order_b.id, "description": "forged", "amount": 1.0,
            "state": "accepted",
        },
        "symetrie.extra.work.refuse.wizard": {
            "extra_work_ids": [(6, 0, case.extra_work_b.ids)], "reason": "forged",
        },
        "account.move": {"move_type": "in_invoice", "partner_id": case.company_b.id},
        "symetrie.bill.hold": {"move_id": case.bill_b.id, "reason": "other"},
        "mail.message": {
            "model": "purchase.order", "res_id": case.order_b.id, "body": "forged",
        },
        "ir.attachment": {
            "name": "forged.png", "res_model": "purchase.order", "res_id": case.order_b.id,
        },
        "symetrie.evaluation": {
            "direction": "contractor_to_landlord", "partner_id": case.company_b.id,
            "evaluator_partner_id": case.company_b.id, "overall_rating": 5,
            "line_ids": [], "date_from": "2020-01-01", "date_to": "2020-03-31",
        },
        "symetrie.scorecard": {
            "partner_id": case.company_b.id, "role": "contractor", "period_type": "year",
            "date_from": "2020-01-01", "date_to": "2020-12-31",
            "company_id": case.env.company.id, "currency_id": case.env.company.currency_id.id,
        },
        "project.project": {"name": "forged", "partner_id": case.client_b.id},
        "sale.order": {"partner_id": case.client_b.id},
        # On the client's own house, with what the server owns forged: a
        # client files through the portal form only (another house: see
        # test_trust_complaint).
        "mq.complaint": {
            "name": "forged", "partner_id": case.client_a.id, "description": "<p>x</p>",
            "project_id": case.house_a.id, "category_id": case.category.id,
            "state": "closed", "satisfaction": "dissatisfied", "date": "2020-01-02",
        },
        "mq.commitment": {"project_id": case.house_b.id, "name": "forged", "party": "builder"},
        "survey.user_input": {
            "survey_id": case.survey_input_b.survey_id.id, "partner_id": case.client_b.id,
        },
    }


# Who may create records of each model (forged values: internal roles with
# the rights only; portal users go through the model methods).
CREATORS = {
    "purchase.order": {"landlord"},
    "purchase.order.line": {"landlord", "accountant"},
    "symetrie.dwelling": {"landlord"},
    "symetrie.building": {"landlord"},
    "mq.annex.cost.declaration": {"label"},
    "symetrie.order.event": set(),
    "symetrie.extra.work": set(),
    "symetrie.extra.work.refuse.wizard": set(),
    "account.move": {"landlord", "accountant"},
    "symetrie.bill.hold": set(),
    "mail.message": INTERNAL,
    "ir.attachment": INTERNAL,
    "symetrie.evaluation": {"landlord"},
    "symetrie.scorecard": set(),
    "project.project": {"label"},
    "sale.order": {"label"},
    "mq.complaint": {"label"},
    "mq.commitment": {"label"},
    "survey.user_input": {"label"},
}


@tagged("post_install", "-at_install")
class TestRpcAccessMatrix(TrustCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.line_b = cls.order_b.order_line[:1]
        cls.order_draft, cls.order_draft_cancelled = cls._unsent_orders(cls.company_a)
        cls.line_draft = cls.order_draft.order_line[:1]
        cls.event_b = cls.order_b.symetrie_event_ids[:1]
        ExtraWork = cls.env["symetrie.extra.work"].sudo()
        cls.extra_work_b = ExtraWork.create(
            {"order_id": cls.order_b.id, "description": "Secret extra work B",
             "amount": 12345.67}
        )
        cls.extra_work_a = ExtraWork.create(
            {"order_id": cls.order_assigned.id, "description": "Extra work of A",
             "amount": 23456.78}
        )
        cls.hold_b = cls.bill_b.symetrie_hold_ids[:1]
        cls.commitment_b = cls.house_b.mq_commitment_ids[:1]
        cls.quote_b.user_id = cls.label_staff
        cls.annex_b = cls.quote_b.mq_annex_declaration_ids[:1]
        cls.building = cls.env["symetrie.building"].create(
            {"name": "Résidence Secrète", "code": "RS", "street": "3 impasse Cachée",
             "zip": "69009", "city": "Lyon"}
        )
        cls.dwelling.building_id = cls.building
        cls.users = {
            "contractor": cls.boss_a,
            "technician": cls.tech_a,
            "client": cls.portal_a,
            "tenant": None,
            "landlord": cls.landlord,
            "label": cls.label_staff,
            "accountant": cls.accountant,
            "public": None,
        }

    # -- plumbing ----------------------------------------------------------
    def _login(self, role):
        user = self.users[role]
        if user is None:
            self.authenticate(None, None)
            if role == "tenant":
                token = self.order_assigned.sudo().symetrie_tracking_token
                self.assertEqual(self.url_open(f"/track/{token}").status_code, 200)
        else:
            self.authenticate(user.login, user.login)

    def _call(self, model, method, args, kwargs=None):
        payload = {
            "id": 1, "jsonrpc": "2.0", "method": "call",
            "params": {"model": model, "method": method, "args": args,
                       "kwargs": kwargs or {}},
        }
        response = self.url_open(
            f"/web/dataset/call_kw/{model}/{method}",
            data=json.dumps(payload),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.status_code, 200, response.text[:300])
        body = response.json()
        return "error" not in body, body.get("result"), response.text

    def _fingerprint(self):
        parts = [
            SQL("(SELECT md5(COALESCE(string_agg(t::text, ',' ORDER BY t.id), '')) FROM %s t)",
                SQL.identifier(table))
            for table in WATCHED_TABLES
        ] + [
            SQL("(SELECT count(*) || '/' || COALESCE(max(id), 0) FROM %s)", SQL.identifier(table))
            for table in GROWING_TABLES
        ]
        self.env.flush_all()
        self.env.cr.execute(SQL("SELECT %s", SQL(", ").join(parts)))
        return self.env.cr.fetchone()

    def _sensitive_values(self, record, field_names):
        values = []
        for name in field_names:
            value = record.sudo()[name]
            if isinstance(value, float) and abs(value) >= 100:
                values += ["%.2f" % value, repr(value)]
            elif isinstance(value, str) and len(value) > 3 and name != "step":
                values.append(value if name not in ("body", "description") else value[3:40])
        return values

    def _run_case(self, case, role, allowed, model, method, args, kwargs=None,
                  record=None, field_names=(), read=False):
        """One call as ``role``: an allowed read sees the record, a refused
        call sees nothing of it and changes nothing."""
        with self.subTest(case):
            self._run_case_checked(case, allowed, model, method, args, kwargs,
                                   record, field_names, read)

    def _run_case_checked(self, case, allowed, model, method, args, kwargs,
                          record, field_names, read):
        self.env.cr.execute("SAVEPOINT rpc_case")
        try:
            before = self._fingerprint()
            ok, result, text = self._call(model, method, args, kwargs)
            self.env.invalidate_all()
            if allowed:
                self.assertTrue(ok, f"{case}: refused ({text[:400]})")
                if read and method in ("read", "search_read"):
                    self.assertIn(record.id, [r["id"] for r in result], case)
                return
            if ok and read:
                ids = [r.get("id") for r in result] if isinstance(result, list) else []
                self.assertNotIn(record.id, ids, case)
                if method in ("read_group", "search_count"):
                    count = result if method == "search_count" else sum(
                        g.get("__count", 0) for g in result
                    )
                    self.assertEqual(count, 0, case)
            else:
                self.assertFalse(ok, f"{case}: accepted ({text[:300]})")
            if record is not None:
                for value in self._sensitive_values(record, field_names):
                    self.assertNotIn(value, text, f"{case}: leaks {value!r}")
            self.assertEqual(self._fingerprint(), before, f"{case}: the database changed")
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT rpc_case")
            self.env.invalidate_all()
            self.env.registry.clear_cache()

    # -- the matrix ------------------------------------------------------
    def test_rpc_access_matrix(self):
        self.assertTrue(self.tenant_mail, "the tenant was e-mailed")
        cases = 0
        skipped_allowed_writes = 0
        create_values = _create_values(self)
        for role in ROLES:
            self._login(role)
            for name, (model, attr, field_names, readers, writers, vals) in TARGETS.items():
                record = getattr(self, attr)
                self.assertTrue(record, name)
                reads = [
                    ("read", [record.ids, list(field_names)], {}),
                    ("search_read", [[("id", "=", record.id)], list(field_names)], {}),
                    ("search_count", [[("id", "=", record.id)]], {}),
                    ("read_group", [[("id", "=", record.id)], ["__count"], []], {"lazy": False}),
                ]
                for method, args, kwargs in reads:
                    allowed = role in readers
                    if method in ("read_group", "search_count") and allowed:
                        continue  # counts only say something when refused
                    self._run_case(
                        f"{role} {method} {name}", role, allowed, model, method, args,
                        kwargs, record=record, field_names=field_names, read=True,
                    )
                    cases += 1
                for method, args in (
                    ("write", [record.ids, vals]),
                    ("unlink", [record.ids]),
                ):
                    if role in writers:
                        skipped_allowed_writes += 1
                        continue
                    self._run_case(
                        f"{role} {method} {name}", role, False, model, method, args,
                        record=record, field_names=field_names,
                    )
                    cases += 1
            for model, values in create_values.items():
                if role in CREATORS[model]:
                    skipped_allowed_writes += 1
                    continue
                self._run_case(f"{role} create {model}", role, False, model, "create", [values])
                cases += 1
            for model, attr, method, args, allowed_roles in METHODS:
                record = getattr(self, attr)
                if role in allowed_roles:
                    skipped_allowed_writes += 1
                    continue
                self._run_case(
                    f"{role} {method} on {attr}", role, False, model, method,
                    [record.ids, *args], record=record,
                )
                cases += 1
        _logger.info(
            "RPC access matrix: %s calls checked, %s allowed writes left to the "
            "add-ons' own tests",
            cases,
            skipped_allowed_writes,
        )
        self.assertGreaterEqual(cases, 300)
