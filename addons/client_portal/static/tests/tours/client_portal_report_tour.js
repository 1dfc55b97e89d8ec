/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";

// The technician hands the phone to the tenant, who signs the intervention
// report with a finger; the technician then downloads the report.
registry.category("web_tour.tours").add("client_portal_report_tour", {
    steps: () => [
        {
            content: "The technician hands the phone to the tenant",
            trigger: ".o_report_sign_card .o_report_sign_open",
            run: "click",
        },
        {
            content: "The tenant's name is proposed",
            trigger: ".modal.show .o_web_sign_name_and_signature input:value(Yasmine Locataire)",
        },
        {
            content: "The tenant signs with a finger",
            trigger: ".modal.show canvas.o_web_sign_signature",
            async run() {
                const canvas = this.anchor;
                const rect = canvas.getBoundingClientRect();
                const point = (x, y) => ({
                    clientX: rect.left + x,
                    clientY: rect.top + y,
                    pointerId: 1,
                    pointerType: "touch",
                    isPrimary: true,
                    bubbles: true,
                });
                canvas.dispatchEvent(new PointerEvent("pointerdown", {...point(20, 40), buttons: 1}));
                for (let x = 30; x < 200; x += 10) {
                    canvas.dispatchEvent(
                        new PointerEvent("pointermove", {...point(x, 40 + (x % 30)), buttons: 1})
                    );
                    await new Promise((resolve) => setTimeout(resolve, 20));
                }
                canvas.dispatchEvent(new PointerEvent("pointerup", point(200, 50)));
            },
        },
        {
            content: "Screenshot: contractor_report_signature",
            trigger: ".modal.show .o_portal_sign_submit:enabled",
            run() {
                console.log("client_portal-screenshot:contractor_report_signature");
            },
        },
        {
            trigger: ".modal.show .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_report_closed_message",
        },
        {
            content: "The signer's name is on the order page",
            trigger: ".o_report_signed_by:contains('Yasmine Locataire')",
        },
        {
            content: "The technician downloads the report",
            trigger: "a.o_report_download",
            async run() {
                const response = await fetch(this.anchor.getAttribute("href"));
                const text = await response.text();
                if (!response.ok || !text.includes("Yasmine Locataire")) {
                    throw new Error(`Report not downloaded: ${response.status}`);
                }
                document.body.classList.add("o_report_downloaded");
            },
        },
        {
            trigger: "body.o_report_downloaded",
        },
    ],
});
