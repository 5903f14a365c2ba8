/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Settings > Synchronized Fields: add a field, Check Now, review the differences,
// choose a value on one row (tests/test_differences.py).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("contact_partner_sync_differences", {
    steps: () => [
        {
            content: "Open the synchronized fields of customers",
            trigger: "#contact_sync_fields_setting button[name=action_contact_sync_fields]:contains(Customers)",
            run: "click",
        },
        {
            content: "The list says whose fields they are",
            trigger: ".o_breadcrumb:contains(Synchronized Fields of Customers)",
        },
        {
            content: "Add a field",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Type Industry in the contact field",
            trigger: ".o_selected_row .o_field_widget[name=contact_field_id] input",
            run: "edit Industry",
        },
        {
            content: "Choose Industry",
            trigger: ".o_selected_row .o_field_widget[name=contact_field_id] .o-autocomplete--dropdown-menu li:contains(Industry)",
            run: "click",
        },
        {
            content: "The linked field is proposed",
            trigger: ".o_selected_row .o_field_widget[name=linked_field_id] input:value(Industry)",
        },
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_list_view .o_data_row:not(.o_selected_row):contains(Industry)",
        },
        {
            content: "Back to Settings",
            trigger: ".o_breadcrumb .breadcrumb-item a",
            run: "click",
        },
        {
            content: "Check Now",
            trigger: "#contact_sync_fields_setting button[name=action_contact_sync_run]:contains(Check Now)",
            run: "click",
        },
        {
            content: "The differences open: the contact's industry, none on the customer",
            trigger: ".o_list_view .o_data_row:contains(Tour Difference Oy):contains(Tour Industry)",
        },
        {
            content: "Use the contact's value on that row",
            trigger: ".o_list_view .o_data_row:contains(Tour Difference Oy) button[name=action_use_contact_value]",
            run: "click",
        },
        {
            content: "The row is gone",
            trigger: ".o_list_view:not(:has(.o_data_row:contains(Tour Difference Oy)))",
        },
    ],
});
