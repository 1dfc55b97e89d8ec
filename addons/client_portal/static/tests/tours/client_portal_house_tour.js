/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

// A 1x1 PNG: the photo the client takes of the defect.
const PNG_BASE64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function screenshot(name) {
    return {
        content: `Screenshot: ${name}`,
        trigger: "body",
        run() {
            console.log(`client_portal-screenshot:${name}`);
        },
    };
}

// The builder's client, on a phone: the house, the quote, the commitments,
// then a complaint with a photo.
registry.category("web_tour.tours").add("client_portal_house_tour", {
    steps: () => [
        {
            content: "The house page says where the house stands and what comes next",
            trigger: ".o_house_progress .o_house_current:contains('Fondations Arnaud')",
        },
        {
            trigger: ".o_house_progress .o_house_next:contains('Prochaine étape')",
        },
        {
            content: "The builder's news with its photo",
            trigger: ".o_house_update:contains('Les murs du rez-de-chaussée') img.o_house_photo",
        },
        {
            trigger: ".o_house_contact a[href^='tel:']",
        },
        screenshot("client_house_page"),
        {
            trigger: "a.o_house_quote",
            run: "click",
        },
        {
            content: "Every annex cost is on the quote, with the total",
            trigger: ".o_quote_annex_costs:contains('Étude de sol')",
        },
        {
            trigger: ".o_quote_total:contains('Total')",
        },
        screenshot("client_house_quote"),
        {
            trigger: ".breadcrumb a[href='/my/house']",
            run: "click",
        },
        {
            trigger: "button.o_commitments_acknowledge",
            run: "click",
        },
        {
            content: "Each commitment shows the acknowledgement date",
            trigger: ".o_house_commitment .o_commitment_acknowledged",
        },
        {
            trigger: "body:not(:has(button.o_commitments_acknowledge))",
        },
        {
            trigger: "a.o_house_new_complaint",
            run: "click",
        },
        {
            trigger: ".o_complaint_form select[name='category_id']",
            run: "selectByLabel Désordres après réception",
        },
        {
            trigger: ".o_complaint_form input[name='name']",
            run: "edit Fissure au plafond du salon",
        },
        {
            trigger: ".o_complaint_form textarea[name='description']",
            run: "edit Une fissure de 40 cm est apparue cette semaine.",
        },
        {
            trigger: ".o_complaint_form input[name='photos']",
            run() {
                const bytes = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "fissure.png", {type: "image/png"}));
                this.anchor.files = transfer.files;
            },
        },
        {
            trigger: ".o_complaint_form .o_complaint_submit",
            run: "click",
        },
        {
            content: "The complaint is filed, with its photo and its stages",
            trigger: ".o_complaint_page .alert-success",
        },
        {
            trigger: ".o_complaint_page img.o_complaint_photo",
        },
        {
            trigger: ".o_complaint_stages .list-group-item-success:contains('Nouvelle')",
        },
        screenshot("client_complaint_filed"),
    ],
});

// Later, the client reads the answer and says how satisfied they are.
registry.category("web_tour.tours").add("client_portal_complaint_answer_tour", {
    steps: () => [
        {
            trigger: ".o_complaint_row:contains('Fissure au plafond du salon')",
            run: "click",
        },
        {
            content: "The builder's answer is shown",
            trigger: ".o_complaint_answer:contains('Le plaquiste passe mardi')",
        },
        screenshot("client_complaint_answered"),
        {
            trigger: ".o_complaint_satisfaction_form button.o_satisfaction_satisfied",
            run: "click",
        },
        {
            trigger: ".o_complaint_satisfaction",
        },
        {
            trigger: ".o_complaint_stages .list-group-item-success:contains('Clôturée')",
        },
    ],
});
