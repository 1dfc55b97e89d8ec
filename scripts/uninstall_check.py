# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run in ``odoo-bin shell`` on a database with the project's add-ons (named,
comma-separated, in ``SYMETRIE_ADDONS``; the test command passes its list):
uninstalls them as an administrator would, then lists what they left in the
database. Prints one line, ``UNINSTALL_CHECK OK`` or ``UNINSTALL_CHECK LEFT: ...``.

An integrator uninstalls an add-on to remove it: its tables, columns,
indexes, models, fields and records must go with it."""
# pylint: disable=undefined-variable
# (``env`` is given by odoo-bin shell.)
import os

ADDONS = os.environ["SYMETRIE_ADDONS"].split(",")
# Names the add-ons give what they create: our models' tables and the fields
# they add to Odoo's models, our indexes.
PATTERNS = ("symetrie%", "mq\\_%")

CATALOG_QUERIES = {
    "relation": """SELECT c.relkind::text || ' ' || c.relname FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND (c.relname LIKE %s OR c.relname LIKE %s)""",
    "column": """SELECT table_name || '.' || column_name FROM information_schema.columns
                  WHERE table_schema = 'public'
                    AND (column_name LIKE %s OR column_name LIKE %s)""",
    "function": """SELECT proname FROM pg_proc WHERE proname LIKE %s OR proname LIKE %s""",
    "model": """SELECT model FROM ir_model WHERE model LIKE %s OR model LIKE %s""",
    "field": """SELECT model || '.' || name FROM ir_model_fields
                 WHERE name LIKE %s OR name LIKE %s""",
}


def uninstall_and_list_leftovers():
    modules = env["ir.module.module"].search([("name", "in", ADDONS)])
    modules.button_immediate_uninstall()
    env.cr.commit()
    left = [
        "%s not uninstalled (%s)" % (module.name, module.state)
        for module in env["ir.module.module"].search([("name", "in", ADDONS)])
        if module.state != "uninstalled"
    ]
    for kind, query in CATALOG_QUERIES.items():
        env.cr.execute(query, PATTERNS)
        left += ["%s %s" % (kind, name) for (name,) in env.cr.fetchall()]
    env.cr.execute("SELECT module || '.' || name FROM ir_model_data WHERE module = ANY(%s)", [ADDONS])
    left += ["xml id %s" % name for (name,) in env.cr.fetchall()]
    return left


leftovers = uninstall_and_list_leftovers()
if leftovers:
    print("UNINSTALL_CHECK LEFT: %s" % "; ".join(sorted(leftovers)))
else:
    print("UNINSTALL_CHECK OK")
