/** @odoo-module */
/* Copyright 2026 Symétrie
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl). */

import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("symetrie_orders_open_app", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            trigger: '.o_app[data-menu-xmlid="symetrie_orders.menu_symetrie_orders_root"]',
            run: "click",
        },
        {
            trigger:
                '.o_main_navbar [data-menu-xmlid="symetrie_orders.menu_symetrie_orders_config"]',
            run: "click",
        },
        {
            trigger: '.dropdown-item[data-menu-xmlid="symetrie_orders.menu_symetrie_trade"]',
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('Plomberie')",
        },
    ],
});
