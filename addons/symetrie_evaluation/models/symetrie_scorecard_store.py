# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL

# Written only by the recompute and the closing of the period.
CLOSING_CONTEXT = "symetrie_scorecard_closing"
# How a line of each one2many is matched with its recomputed values.
LINE_KEYS = {"figure_ids": "code", "axis_line_ids": "axis_id"}
LINE_MODELS = {
    "figure_ids": "symetrie.scorecard.figure",
    "axis_line_ids": "symetrie.scorecard.axis",
}


class SymetrieScorecardStore(models.AbstractModel):
    """Writes a period's recomputed scorecards onto the ones it has: in
    place, and only what changed.

    A period is recomputed every night and on demand, mostly with nothing
    new: rewriting every card and line each time cost the ORM's create of
    thousands of lines at a landlord's volume and changed the cards' ids.
    Now an unchanged card gets its time of computation only (one UPDATE for
    all), a changed one the values that changed (batched by the ORM's flush),
    and only cards new to the period are created.

    The cards and their lines are read in one query per model and the times
    written in one statement, whatever their number: through the ORM, the
    lines came 1,000 a query and the times 100 a statement."""

    _name = "symetrie.scorecard.store"
    _description = "Scorecard Storage"

    @api.model
    def _symetrie_changed(self, record, values):
        """The ``values`` that differ from ``record``'s, compared as stored
        (floats rounded to their digits, amounts to their currency)."""
        changed = {}
        for name, value in values.items():
            field = record._fields[name]
            stored = field.convert_to_record(field.convert_to_cache(value, record), record)
            if stored != record[name]:
                changed[name] = value
        return changed

    @api.model
    def _symetrie_existing_lines(self, cards):
        """{one2many name: {card id: {key: line}}} of ``cards``' lines, each
        model's lines read in one query."""
        by_card = {}
        for name, model in LINE_MODELS.items():
            Lines = self.env[model].with_env(cards.env)
            stored = [fname for fname, field in Lines._fields.items() if field.column_type]
            by_card[name] = lines = {card.id: {} for card in cards}
            key = LINE_KEYS[name]
            for line in Lines.search_fetch([("scorecard_id", "in", cards.ids)], stored):
                value = line[key].id if key == "axis_id" else line[key]
                lines[line.scorecard_id.id][value] = line
        return by_card

    @api.model
    def _symetrie_store_lines(self, card, name, lines, commands, creates, stale):
        """Update ``card``'s ``lines`` ({key: line}) of one2many ``name`` in
        place from the recomputed ``commands``; new lines go to ``creates``,
        lines no longer computed to ``stale``."""
        key = LINE_KEYS[name]
        for _command, _id, values in commands:
            line = lines.pop(values[key], None)
            if line is None:
                creates[name].append(dict(values, scorecard_id=card.id))
                continue
            changed = self._symetrie_changed(line, values)
            if changed:
                line.write(changed)
        stale[name] += [line.id for line in lines.values()]

    @api.model
    def _symetrie_store_cards(self, existing, vals_by_key, computed_on):
        """Make ``existing`` (a period's open cards) the cards of
        ``vals_by_key`` ({(role, partner, department): values}); returns the
        period's cards.

        The caller's rights are checked once, then the cards are written as
        the system: a check per card written would be a query per card."""
        Scorecard = self.env["symetrie.scorecard"]
        Scorecard.check_access("create")
        existing.check_access("write")
        existing.check_access("unlink")
        context = {CLOSING_CONTEXT: True}
        Scorecard = Scorecard.sudo().with_context(**context)
        existing = existing.sudo().with_context(**context)
        existing.fetch([name for name, field in existing._fields.items() if field.column_type])
        existing_lines = self._symetrie_existing_lines(existing)
        by_key = {
            (card.role, card.partner_id.id, card.department_id.id or False): card
            for card in existing
        }
        creates = {name: [] for name in LINE_KEYS}
        stale = {name: [] for name in LINE_KEYS}
        new_cards = []
        kept = []
        for key, values in vals_by_key.items():
            card = by_key.pop(key, None)
            if card is None:
                new_cards.append(dict(values, computed_on=computed_on))
                continue
            kept.append(card.id)
            values = dict(values)
            for name in LINE_KEYS:
                self._symetrie_store_lines(
                    card, name, existing_lines[name][card.id], values.pop(name), creates, stale
                )
            changed = self._symetrie_changed(card, values)
            if changed:
                card.write(changed)
        for name, model in LINE_MODELS.items():
            Lines = self.env[model].sudo().with_context(**context)
            Lines.browse(stale[name]).unlink()
            Lines.create(creates[name])
        Scorecard.browse([card.id for card in by_key.values()]).unlink()
        kept = Scorecard.browse(kept)
        self._symetrie_write_computed_on(kept, computed_on)
        cards = kept | Scorecard.create(new_cards)
        return cards.with_env(self.env)

    @api.model
    def _symetrie_write_computed_on(self, cards, computed_on):
        """Give ``cards`` their time of computation in one statement (the
        ORM's write takes one per 100 cards). Nothing else depends on it."""
        if not cards:
            return
        cards.flush_recordset(["computed_on"])
        self.env.cr.execute(
            SQL(
                """UPDATE "symetrie_scorecard"
                      SET "computed_on" = %(on)s, "write_date" = %(now)s, "write_uid" = %(uid)s
                    WHERE id = ANY(%(ids)s) AND "computed_on" IS DISTINCT FROM %(on)s""",
                on=computed_on,
                now=self.env.cr.now(),
                uid=self.env.uid,
                ids=cards.ids,
            )
        )
        cards.invalidate_recordset(["computed_on", "write_date", "write_uid"])
