/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Settings > Synchronized Fields: add a field, then it synchronizes
// (tests/test_sync_fields.py).
import { registry } from "@web/core/registry";

function chooseField(fieldName, search, label) {
    return [
        {
            content: `Type ${search} in ${fieldName}`,
            trigger: `.o_selected_row .o_field_widget[name=${fieldName}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${label}`,
            trigger: `.o_selected_row .o_field_widget[name=${fieldName}] .o-autocomplete--dropdown-menu li:contains(${label})`,
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("contact_partner_sync_sync_fields", {
    steps: () => [
        {
            content: "Open the synchronized fields of customers",
            trigger: "#contact_sync_fields_setting button[name=action_contact_sync_fields]:contains(Customers)",
            run: "click",
        },
        {
            content: "The installed fields are listed",
            trigger: ".o_list_view .o_data_row:contains(Phone)",
        },
        {
            content: "Add a field",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...chooseField("contact_field_id", "Industry", "Industry"),
        ...chooseField("linked_field_id", "Industry", "Industry"),
        {
            content: "Save",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The new field is listed, both ways",
            trigger: ".o_list_view .o_data_row:not(.o_selected_row):contains(Industry):contains(Both Ways)",
        },
    ],
});
