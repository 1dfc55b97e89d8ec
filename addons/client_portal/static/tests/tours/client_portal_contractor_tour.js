/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

// A 1x1 PNG: the photo the technician takes of the work done.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function setValue(input, value) {
    input.value = value;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new Event("change", {bubbles: true}));
}

// A technician, on a phone, takes a work order from acceptance to work done.
registry.category("web_tour.tours").add("client_portal_contractor_tour", {
    url: "/my/work-orders",
    steps: () => [
        {
            trigger: ".o_work_order_row",
        },
        {
            content: "Screenshot: contractor_orders_list",
            trigger: "body",
            run() {
                console.log("client_portal-screenshot:contractor_orders_list");
            },
        },
        {
            trigger: ".o_work_order_row:contains('7 rue du Portail')",
            run: "click",
        },
        {
            content: "Everything needed to act: the access and a tap-to-call phone",
            trigger: "a.o_tenant_call[href^='tel:']",
        },
        {
            content: "Screenshot: contractor_order_page",
            trigger: "body",
            run() {
                console.log("client_portal-screenshot:contractor_order_page");
            },
        },
        {
            trigger: ".o_step_accepted .o_step_button",
            run: "click",
        },
        {
            trigger: ".alert-success:contains('Étape enregistrée')",
        },
        {
            trigger: ".o_step_visit_booked input[name='visit_start']",
            run() {
                setValue(this.anchor, "2030-01-15T09:00");
            },
        },
        {
            trigger: ".o_step_visit_booked input[name='visit_end']",
            run() {
                setValue(this.anchor, "2030-01-15T11:00");
            },
        },
        {
            trigger: ".o_step_visit_booked .o_step_button",
            run: "click",
        },
        {
            trigger: ".o_work_order_timeline:contains('Visite programmée')",
        },
        {
            trigger: ".o_step_on_site .o_step_button",
            run: "click",
        },
        {
            trigger: ".o_work_order_timeline:contains('Sur place')",
        },
        {
            trigger: ".o_step_work_done textarea[name='note']",
            run: "edit Joint du siphon changé, plus de fuite.",
        },
        {
            trigger: ".o_step_work_done input[name='photos']",
            run() {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "apres.png", {type: "image/png"}));
                this.anchor.files = transfer.files;
            },
        },
        {
            trigger: ".o_step_work_done .o_step_button",
            run: "click",
        },
        {
            content: "Work done is recorded, with its report",
            trigger: ".o_work_order_timeline:contains('Joint du siphon changé')",
        },
        {
            trigger: ".badge:contains('Travaux terminés')",
        },
        {
            content: "Screenshot: contractor_work_done",
            trigger: "body",
            run() {
                console.log("client_portal-screenshot:contractor_work_done");
            },
        },
    ],
});
