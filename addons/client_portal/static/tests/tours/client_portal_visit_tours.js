/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

function setValue(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

function screenshot(name) {
    return {
        content: `Screenshot: ${name}`,
        trigger: "body",
        run() {
            console.log(`client_portal-screenshot:${name}`);
        },
    };
}

function fill(selector, value) {
    return {
        trigger: selector,
        run() {
            setValue(this.anchor, value);
        },
    };
}

// The contractor, on a phone, proposes two slots to the tenant.
registry.category("web_tour.tours").add("client_portal_visit_propose_tour", {
    steps: () => [
        {trigger: ".o_work_order_propose_slots:contains('Proposez jusqu')"},
        fill(".o_work_order_propose_slots input[name='slot_start_1']", "2030-01-15T09:00"),
        fill(".o_work_order_propose_slots input[name='slot_end_1']", "2030-01-15T11:00"),
        fill(".o_work_order_propose_slots input[name='slot_start_2']", "2030-01-16T14:00"),
        fill(".o_work_order_propose_slots input[name='slot_end_2']", "2030-01-16T16:00"),
        screenshot("contractor_propose_slots"),
        {trigger: ".o_propose_slots_button", run: "click"},
        {trigger: ".o_work_order_pending_slots li:contains('16:00')"},
        {
            content: "Proposed: the form is gone until the tenant answers",
            trigger: "body:not(:has(.o_work_order_propose_slots))",
        },
        screenshot("contractor_slots_pending"),
    ],
});

// The tenant opens the tracking link and picks the second slot.
registry.category("web_tour.tours").add("client_portal_visit_choose_tour", {
    steps: () => [
        {trigger: ".o_tenant_slots:contains('Choisissez votre créneau de visite')"},
        {trigger: ".o_tenant_slots .o_tenant_slot_button:contains('09:00')"},
        screenshot("tenant_choose_slot"),
        {trigger: ".o_tenant_slots .o_tenant_slot_button:contains('14:00')", run: "click"},
        {trigger: ".o_tenant_slot_booked"},
        {trigger: ".o_tenant_visit"},
        {trigger: "a.o_tenant_visit_ics[href$='/visit.ics']"},
        {
            content: "Chosen: no slot to choose any more",
            trigger: "body:not(:has(.o_tenant_slots))",
        },
        screenshot("tenant_slot_booked"),
    ],
});

// The tenant says nobody came to the visit.
registry.category("web_tour.tours").add("client_portal_visit_no_show_tour", {
    steps: () => [
        {trigger: ".o_tenant_no_show_form textarea[name='note']", run: "edit Personne n'est venu."},
        screenshot("tenant_no_show_form"),
        {trigger: ".o_tenant_no_show_button", run: "click"},
        {trigger: ".o_tenant_no_show_sent:contains('personne n')"},
        {trigger: "body:not(:has(.o_tenant_no_show_form))"},
        screenshot("tenant_no_show_sent"),
    ],
});
