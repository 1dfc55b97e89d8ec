/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

// The tenant opens the tracking link from the e-mail and rates the intervention.
registry.category("web_tour.tours").add("client_portal_tenant_tour", {
    steps: () => [
        {
            trigger: ".o_tenant_tracking h3:contains('Votre intervention')",
        },
        {
            trigger: ".o_tenant_timeline:contains('Travaux terminés')",
        },
        {
            content: "Screenshot: tenant_tracking_page",
            trigger: "body",
            run() {
                console.log("client_portal-screenshot:tenant_tracking_page");
            },
        },
        {
            trigger: ".o_tenant_rating_form label[for='star_4']",
            run: "click",
        },
        {
            trigger: ".o_tenant_rating_form textarea[name='comment']",
            run: "edit Technicien ponctuel et soigneux.",
        },
        {
            trigger: ".o_tenant_rate_button",
            run: "click",
        },
        {
            trigger: ".alert-success:contains('Merci pour votre avis')",
        },
        {
            content: "Rated once: the form is gone",
            trigger: "body:not(:has(.o_tenant_rating_form))",
        },
        {
            content: "Screenshot: tenant_rated",
            trigger: "body",
            run() {
                console.log("client_portal-screenshot:tenant_rated");
            },
        },
    ],
});
