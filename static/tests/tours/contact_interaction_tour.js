/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("contact_partner_sync_quotation_interaction", {
    steps: () => [
        {
            content: "The contact is open",
            trigger: ".o_breadcrumb:contains(Tour Prospect Oy)",
        },
        {
            content: "Make a new quotation from the contact",
            trigger: ".o_form_view button[name=action_contact_new_quotation]",
            run: "click",
        },
        {
            content: "The quotation is for the contact (it has no customer yet)",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Prospect Oy)",
        },
        {
            content: "Send it by e-mail",
            trigger: ".o_statusbar_buttons > button[name=action_quotation_send]",
            run: "click",
        },
        {
            content: "The composer is ready for the contact",
            trigger: ".modal .o_field_widget[name=partner_ids]:contains(Tour Prospect Oy)",
        },
        {
            content: "Send",
            trigger: ".modal .o_mail_send",
            run: "click",
        },
        {
            content: "The quotation is sent",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Quotation Sent)",
        },
        {
            content: "Back to the contact",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains(Tour Prospect Oy)",
            run: "click",
        },
        {
            content: "Open its interactions",
            trigger: ".o_form_view button[name=action_view_interaction_log]:contains(1)",
            run: "click",
        },
        {
            content: "The quotation e-mail is logged",
            trigger: ".o_list_view .o_data_row:contains(Sales Quote):contains(sent by e-mail)",
        },
    ],
});
