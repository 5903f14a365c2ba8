/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// The seed's ways through the web client, as a user clicks them (tests/test_tour_ui.py).
import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { reloadsPage } from "./series";

const tours = registry.category("web_tour.tours");

const call = (model, method, args, kwargs = {}) =>
    rpc(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });

/** One run of the cron of the background runs (one chunk, see the Python test). */
async function runBackgroundCron() {
    const crons = await call("ir.cron", "search_read", [
        [["name", "=", "Contact Partner Sync: background runs"]],
        ["id"],
    ]);
    await call("ir.cron", "method_direct_trigger", [crons.map((cron) => cron.id)]);
}

function selectMany2one(fieldName, search, label, scope = "") {
    return [
        {
            content: `Search ${search} in ${fieldName}`,
            trigger: `${scope} .o_field_widget[name=${fieldName}] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${label}`,
            trigger: `${scope} .o_field_widget[name=${fieldName}] .o-autocomplete--dropdown-menu li:not(.o_m2o_dropdown_option):contains(${label})`,
            run: "click",
        },
    ];
}

function save() {
    return {
        content: "Save",
        trigger: ".o_form_button_save",
        run: "click",
    };
}

// Settings > Relationship Management: the three codes, then the contacts of the
// existing customers (seed: "create contacts from customers, vendors or bank accounts")
tours.add("contact_partner_sync_settings", {
    steps: () => [
        {
            content: "The Relationship Management block is in the settings",
            trigger: ".o_settings_container #business_relation_codes_setting",
        },
        ...selectMany2one("customer_business_relation_id", "CUST", "[CUST] Customer"),
        ...selectMany2one("vendor_business_relation_id", "VEND", "[VEND] Vendor"),
        ...selectMany2one("bank_account_business_relation_id", "BANK", "[BANK] Bank Account"),
        {
            content: "Mark the page: saving the settings reloads it",
            trigger: "body",
            run() {
                document.body.classList.add("o_cps_before_save");
            },
        },
        reloadsPage(save()),
        {
            content: "Saved and reloaded: the codes are set",
            trigger:
                "body:not(.o_cps_before_save) .o_field_widget[name=bank_account_business_relation_id] input:value([BANK] Bank Account)",
        },
        {
            content: "Some customers have no contact yet: create them",
            trigger:
                "#create_contacts_setting button:contains(Create Contacts):first",
            run: "click",
        },
        {
            content: "The wizard says how many customers have no contact",
            trigger: ".modal .alert-info:contains(have no contact yet)",
        },
        {
            content: "The wizard creates the contacts of customers",
            trigger: ".modal .o_field_widget[name=link_to] input[data-value=customer]:checked",
        },
        {
            content: "Create the contacts",
            trigger: ".modal button[name=action_create_contacts]",
            run: "click",
        },
        {
            content: "A notification tells how many were created",
            trigger: ".o_notification:contains(Contacts created:)",
        },
        {
            content: "The new contacts are listed, the legacy customer's one among them",
            trigger: ".o_list_view .o_data_row:contains(Tour Legacy Customer)",
        },
    ],
});

// A new customer gets its contact; the phone changed on the contact is the customer's
tours.add("contact_partner_sync_customer_contact", {
    steps: () => [
        {
            content: "A new customer",
            trigger: ".o_form_view .o_field_widget[name=name] :is(input, textarea)",
            run: "edit Tour Customer Oy",
        },
        save(),
        {
            content: "Saved, the customer has a contact: open it",
            trigger: ".o_form_view button[name=action_view_linked_contact]:contains(CT)",
            run: "click",
        },
        {
            content: "The contact is numbered and linked to the customer",
            trigger:
                ".o_form_view:has(.o_field_widget[name=contact_business_relation]:contains(Customer)) .o_field_widget[name=contact_no]:contains(CT)",
        },
        {
            content: "Change the phone on the contact",
            trigger: ".o_form_view .o_field_widget[name=phone] input",
            run: "edit +358 40 123 4567",
        },
        {
            content: "Open the customer of the contact (the contact is saved first)",
            trigger: ".o_form_view button[name=action_view_contact_customer]",
            run: "click",
        },
        {
            content: "The customer has the new phone",
            trigger:
                ".o_form_view:has(button[name=action_view_linked_contact]) .o_field_widget[name=phone] input:value(+358 40 123 4567)",
        },
    ],
});

// Deleting a contact keeps its customer
tours.add("contact_partner_sync_delete_contact", {
    steps: () => [
        {
            content: "Open the contact of the customer",
            trigger: ".o_form_view button[name=action_view_linked_contact]",
            run: "click",
        },
        {
            content: "The contact is open",
            trigger: ".o_form_view .o_field_widget[name=contact_no]:contains(CT)",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus button:has(i.fa-cog)",
            run: "click",
        },
        {
            content: "Delete the contact",
            trigger: ".o-dropdown--menu .dropdown-item:contains(Delete)",
            run: "click",
        },
        {
            content: "The confirmation says that the customer is kept",
            trigger:
                ".modal:contains(Its customer, vendor and bank accounts are kept: only their link with this contact is removed)",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Back on the customer, intact...",
            trigger: ".o_breadcrumb .active:contains(Tour Kept Customer)",
        },
        {
            content: "...without contact: it can get a new one",
            trigger:
                ".o_form_view:not(:has(button[name=action_view_linked_contact])) .o_statusbar_buttons button[name=action_create_contact]",
        },
    ],
});

// From a contact: Create as > Vendor, with a template (seed: "create customers, vendors
// or bank accounts from the contact")
tours.add("contact_partner_sync_create_vendor", {
    steps: () => [
        {
            content: "Create as...",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Create as)",
            run: "click",
        },
        {
            content: "...a vendor",
            trigger: ".modal .o_field_widget[name=link_to] input[data-value=vendor]",
            run: "click",
        },
        ...selectMany2one("template_id", "Export", "Tour Export Vendors", ".modal"),
        {
            content: "Create",
            trigger: ".modal button[name=action_create]",
            run: "click",
        },
        {
            content: "A notification says what was created",
            trigger: ".o_notification:contains(Tour Vendor AB created from the contact)",
        },
        {
            content: "The new vendor is open...",
            trigger: ".o_breadcrumb .active:contains(Tour Vendor AB)",
        },
        {
            content: "...with its contact one click away",
            trigger: ".o_form_view button[name=action_view_linked_contact]:contains(CT)",
        },
    ],
});

// From a contact: Link with Existing > Customer, the customer's data winning (seed:
// "link contacts with existing customers, vendors, or bank accounts")
tours.add("contact_partner_sync_link_customer", {
    steps: () => [
        {
            content: "Link with Existing...",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Link with Existing)",
            run: "click",
        },
        {
            content: "...customer",
            trigger: ".modal .o_field_widget[name=link_to] input[data-value=customer]:checked",
        },
        ...selectMany2one("partner_id", "Tour Existing", "Tour Existing Customer", ".modal"),
        {
            content: "Keep the data of the customer",
            trigger: ".modal .o_field_widget[name=master] input[data-value=linked]",
            run: "click",
        },
        {
            content: "Link",
            trigger: ".modal button[name=action_link]",
            run: "click",
        },
        {
            content: "A notification says what was linked",
            trigger: ".o_notification:contains(is now linked with the customer Tour Existing Customer)",
        },
        {
            content: "The contact has the customer's phone and a Customer button",
            trigger:
                ".o_form_view:has(button[name=action_view_contact_customer]) .o_field_widget[name=phone] input:value(+46 8 555 0100)",
        },
        {
            content: "Create as...",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(Create as)",
            run: "click",
        },
        {
            content: "...offers a vendor and a bank account, no second customer",
            trigger:
                ".modal .o_field_widget[name=link_to]:has(input[data-value=vendor]):has(input[data-value=bank_account]):not(:has(input[data-value=customer]))",
        },
        {
            content: "Cancel",
            trigger: ".modal .modal-footer button:contains(Cancel)",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

// Settings > Create Contacts over the background threshold: queued, then its progress
// shown in Settings while the cron works (tests/test_background_runs.py)
tours.add("contact_partner_sync_background_run", {
    steps: () => [
        {
            content: "Create the contacts of the customers without one",
            trigger: "#create_contacts_setting button:contains(Create Contacts):first",
            run: "click",
        },
        {
            content: "Create them",
            trigger: ".modal button[name=action_create_contacts]",
            run: "click",
        },
        {
            content: "Too many for one request: the run is queued",
            trigger: ".o_notification:contains(records queued)",
        },
        {
            content: "Settings shows the queued run",
            trigger:
                "#create_contacts_setting .o_contact_sync_job[data-state=queued]:contains(Queued)",
        },
        {
            content: "The cron does a chunk",
            trigger: "body",
            run: runBackgroundCron,
        },
        {
            content: "Its progress shows without reloading the page",
            trigger:
                "#create_contacts_setting .o_contact_sync_job[data-state=running]:contains(Running):contains(2 / )",
        },
        {
            content: "The cron does the rest",
            trigger: "body",
            async run() {
                for (let i = 0; i < 20; i++) {
                    const left = await call("contact.sync.job", "search_count", [
                        [["state", "in", ["queued", "running"]]],
                    ]);
                    if (!left) {
                        break;
                    }
                    await runBackgroundCron();
                }
            },
        },
        {
            content: "Done, and the count of Settings is current without reloading the page",
            trigger:
                "#create_contacts_setting:has(.o_contact_sync_job[data-state=done]) div:has(> span:contains(Customers without contact)):not(:has(button))",
        },
    ],
});
