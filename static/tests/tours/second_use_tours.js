/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// Settings: set the customers' code, then Create Contacts at once, without saving
// first: the wizard opens (tests/test_second_use.py).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("contact_partner_sync_create_contacts_unsaved_code", {
    steps: () => [
        {
            content: "No Create Contacts while the code is empty",
            trigger: "#create_contacts_setting:not(:has(button:contains(Create Contacts)))",
        },
        {
            content: "Type the customers' code",
            trigger: "#business_relation_codes_setting .o_field_widget[name=customer_business_relation_id] input",
            run: "edit CUST",
        },
        {
            content: "Choose CUST",
            trigger: ".o-autocomplete--dropdown-menu li:contains(CUST)",
            run: "click",
        },
        {
            content: "Create Contacts, without saving first",
            trigger: "#create_contacts_setting button:contains(Create Contacts)",
            run: "click",
        },
        {
            content: "The wizard opens for customers",
            trigger: ".modal .o_field_widget[name=link_to] input[data-value=customer]:checked",
        },
        {
            content: "It counts the customer without contact",
            trigger: ".modal .o_field_widget[name=missing_count]",
        },
        {
            content: "Close it",
            trigger: ".modal .btn-close, .modal button:contains(Cancel)",
            run: "click",
        },
        {
            content: "Back in Settings",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
