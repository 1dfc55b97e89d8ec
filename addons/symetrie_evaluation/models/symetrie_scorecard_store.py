# Copyright 2026 Symétrie
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Written only by the recompute and the closing of the period.
CLOSING_CONTEXT = "symetrie_scorecard_closing"
# How a line of each one2many is matched with its recomputed values.
LINE_KEYS = {"figure_ids": "code", "axis_line_ids": "axis_id"}


class SymetrieScorecardStore(models.AbstractModel):
    """Writes a period's recomputed scorecards onto the ones it has: in
    place, and only what changed.

    A period is recomputed every night and on demand, mostly with nothing
    new: rewriting every card and line each time cost the ORM's create of
    thousands of lines at a landlord's volume and changed the cards' ids.
    Now an unchanged card gets its time of computation only (one UPDATE for
    all), a changed one the values that changed (batched by the ORM's flush),
    and only cards new to the period are created."""

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
    def _symetrie_store_lines(self, card, name, commands, creates, stale):
        """Update ``card``'s lines of one2many ``name`` in place from the
        recomputed ``commands``; new lines go to ``creates``, lines no longer
        computed to ``stale``."""
        key = LINE_KEYS[name]
        lines = {line[key].id if key == "axis_id" else line[key]: line for line in card[name]}
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
        existing.fetch(list(existing._fields))
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
                self._symetrie_store_lines(card, name, values.pop(name), creates, stale)
            changed = self._symetrie_changed(card, values)
            if changed:
                card.write(changed)
        for name, model in (("figure_ids", "symetrie.scorecard.figure"),
                            ("axis_line_ids", "symetrie.scorecard.axis")):
            Lines = self.env[model].sudo().with_context(**context)
            Lines.browse(stale[name]).unlink()
            Lines.create(creates[name])
        Scorecard.browse([card.id for card in by_key.values()]).unlink()
        kept = Scorecard.browse(kept)
        kept.write({"computed_on": computed_on})
        cards = kept | Scorecard.create(new_cards)
        return cards.with_env(self.env)
