/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// One face per place: a contact and its customer are offered once in documents, and
// accounting lands on the customer (tests/test_one_face.py).
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");
const DROPDOWN = ".o_field_widget[name=partner_id] .o-autocomplete--dropdown-menu";

function typeAndSeeOneRow(fieldLabel, label) {
    return [
        {
            content: `Type the name in the ${fieldLabel} field`,
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Tour Twin",
        },
        {
            content: `One row: the ${label}, not its contact`,
            trigger: `${DROPDOWN}:has(li:contains(Tour Twin Oy (${label}))):not(:has(li:contains(Tour Twin Oy):contains(Contact CT0)))`,
        },
        {
            content: "Exactly one row for the company",
            trigger: `${DROPDOWN}:has(li:contains(Tour Twin Oy (${label})))`,
            run() {
                // the dropdown as it is now (the autocomplete may have re-rendered)
                const rows = [...document.querySelectorAll(`${DROPDOWN} li`)].filter(
                    (li) => li.textContent.includes("Tour Twin Oy")
                );
                if (rows.length !== 1) {
                    throw new Error(`${rows.length} rows for Tour Twin Oy`);
                }
            },
        },
        {
            content: "Pick it",
            trigger: `${DROPDOWN} li:contains(Tour Twin Oy (${label}))`,
            run: "click",
        },
        {
            content: "The field shows the customer",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Twin Oy)",
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
    ];
}

tours.add("contact_partner_sync_quotation_one_row", {
    steps: () => typeAndSeeOneRow("Customer", "Customer"),
});

tours.add("contact_partner_sync_bill_one_row", {
    steps: () => typeAndSeeOneRow("Vendor", "Customer"),
});

tours.add("contact_partner_sync_invoice_on_contact", {
    steps: () => [
        {
            content: "Type the contact's name in the Customer field",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input",
            run: "edit Tour Lone",
        },
        {
            content: "It is offered as a contact",
            trigger: `${DROPDOWN} li:contains(Tour Lone Contact Oy):contains(Contact CT0)`,
            run: "click",
        },
        {
            content: "Add a line",
            trigger: "div[name=invoice_line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The product",
            trigger: "div[name=invoice_line_ids] .o_selected_row .o_field_widget[name=product_id] input",
            run: "edit Tour Oak Desk",
        },
        {
            content: "Choose it",
            trigger: ".o-autocomplete--dropdown-menu li:contains(Tour Oak Desk)",
            run: "click",
        },
        {
            content: "Confirm the invoice",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_post]",
            run: "click",
        },
        {
            content: "Posted",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains(Posted)",
        },
        {
            content: "The customer made from the contact is the invoice's customer",
            trigger:
                ".o_form_view .o_field_widget[name=partner_id]:contains(Tour Lone Contact Oy), .o_form_view .o_field_widget[name=partner_id] input:value(Tour Lone Contact Oy)",
        },
        {
            content: "The chatter says it moved",
            trigger: ".o-mail-Message:contains(was created from the contact)",
        },
    ],
});
