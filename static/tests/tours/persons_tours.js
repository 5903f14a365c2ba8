/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// One set of persons per company, the Contacts app showing a company once
// (tests/test_persons.py).
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const DROPDOWN = ".o_field_widget[name=partner_id] .o-autocomplete--dropdown-menu";

tours.add("contact_partner_sync_persons", {
    steps: () => [
        {
            content: "Open the customer's Contacts tab",
            trigger: ".o_notebook .nav-link[name=contact_addresses]",
            run: "click",
        },
        {
            content: "Add a person",
            trigger: ".o_field_widget[name=child_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "A person, not an address (18.0 proposes an address)",
            trigger: ".modal .o_field_widget[name=type] input[data-value=contact]",
            run: "click",
        },
        {
            content: "Name the person",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Kaisa Kuusi",
        },
        {
            content: "Save it",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "It is on the customer's tab",
            trigger:
                "body:not(:has(.modal)) .o_field_widget[name=child_ids] .o_kanban_record:contains(Kaisa Kuusi)",
        },
        {
            content: "Save the customer",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view:not(:has(.o_form_button_save:visible))",
        },
        {
            content: "Open its contact",
            trigger: "button[name=action_view_linked_contact]",
            run: "click",
        },
        {
            content: "The contact's form",
            trigger: ".o_form_view .o_field_widget[name=contact_no]:contains(CT0)",
        },
        {
            content: "Its Contacts tab",
            trigger: ".o_notebook .nav-link[name=contact_addresses]",
            run: "click",
        },
        {
            content: "The same person is listed on the contact",
            trigger:
                ".o_field_widget[name=contact_person_ids] .o_kanban_record:contains(Kaisa Kuusi)",
        },
        {
            content: "Where the persons live is said",
            trigger: "div[name=contact_persons_note]:contains(listed on both)",
        },
    ],
});

tours.add("contact_partner_sync_person_in_quotation", {
    steps: () => [
        {
            content: "Type the person's name in the Customer field",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Kaisa Kuu",
        },
        {
            content: "The person is offered, with its company",
            trigger: `${DROPDOWN} li:contains(Kuusi Tours Oy):contains(Kaisa Kuusi)`,
            run: "click",
        },
        {
            content: "The field shows the person",
            trigger: ".o_field_widget[name=partner_id] input:value(Kuusi Tours Oy, Kaisa Kuusi)",
        },
        {
            content: "Discard",
            trigger: ".o_form_button_cancel",
            run: "click",
        },
        {
            content: "Discarded",
            trigger: "body:not(:has(.o_form_button_cancel:visible))",
        },
    ],
});

tours.add("contact_partner_sync_contacts_once", {
    steps: () => [
        {
            content: "The default filter of the Contacts app is on",
            trigger: ".o_searchview .o_facet_value:contains(One per Company)",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "Search the company",
            trigger: ".o_searchview_input",
            run: "edit Kuusi Tours",
        },
        {
            content: "Search",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "One row for the company: its contact, with what it is linked to",
            trigger: ".o_list_view .o_data_row:contains(Kuusi Tours Oy):contains(Customer)",
            run() {
                const rows = [...document.querySelectorAll(".o_list_view .o_data_row")].filter(
                    (row) => row.textContent.includes("Kuusi Tours Oy") && !row.textContent.includes("Kaisa")
                );
                if (rows.length !== 1) {
                    throw new Error(`${rows.length} rows for Kuusi Tours Oy`);
                }
                if (!rows[0].textContent.includes("CT0")) {
                    throw new Error("the row is not the contact's");
                }
            },
        },
    ],
});
