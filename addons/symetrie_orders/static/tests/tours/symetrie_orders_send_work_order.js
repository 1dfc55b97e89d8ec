/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A landlord writes a work order from a dwelling and sends it.
registry.category("web_tour.tours").add("symetrie_orders_send_work_order", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="symetrie_orders.menu_symetrie_orders_root"]',
            run: "click",
        },
        {
            trigger: '.o_main_navbar [data-menu-xmlid="symetrie_orders.menu_symetrie_housing"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="symetrie_orders.menu_symetrie_dwelling"]',
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('TOUR-001')",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_new_work_order']",
            run: "click",
        },
        {
            content: "The tenant and the access come from the dwelling",
            trigger: ".o_field_widget[name='symetrie_tenant_id'] input:value('Lina Locataire')",
        },
        {
            trigger: ".o_field_widget[name='symetrie_access_instructions'] textarea:value('Digicode 2468')",
        },
        {
            trigger: ".o_field_widget[name='partner_id'] input",
            run: "edit Plomberie Tour",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Plomberie Tour')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='symetrie_trade_id'] input",
            run: "edit Plomberie",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Plomberie')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='symetrie_urgency'] input[data-value='urgent']",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='symetrie_description'] textarea",
            run: "edit Fuite sous l'évier de la cuisine",
        },
        {
            trigger: ".o_field_x2many_list_row_add > a",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='order_line'] .o_field_widget[name='product_id'] input",
            run: "edit Intervention de maintenance",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Intervention de maintenance')",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_symetrie_send']",
            run: "click",
        },
        {
            content: "The order is sent: the tracking step says so",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Envoyé')",
        },
        {
            trigger: ".o_notebook .nav-link:contains('Suivi')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='symetrie_event_ids'] .o_data_cell:contains('Envoyé')",
        },
    ],
});
