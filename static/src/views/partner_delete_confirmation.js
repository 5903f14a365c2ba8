/** @odoo-module **/
// Deleting a contact, a customer or a vendor removes one side only: the confirmation
// says that the other side is kept (a note on it says so too, see
// contact.business.relation._contact_sync_log_removal).
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";
import { FormController } from "@web/views/form/form_controller";
import { ListController } from "@web/views/list/list_controller";

const UNLINKED = [false, "none", "other"];

function isLinked(data) {
    return (
        (data.is_contact && !UNLINKED.includes(data.contact_business_relation)) ||
        Boolean(data.linked_contact_id)
    );
}

function keptMessage(data) {
    if (data.is_contact && !UNLINKED.includes(data.contact_business_relation)) {
        return _t(
            "Its customer, vendor and bank accounts are kept: only their link with this contact is removed, and a note on each of them says so."
        );
    }
    if (data.linked_contact_id) {
        return _t(
            "Its contact %s is kept: only the link is removed, and a note on the contact says so.",
            data.linked_contact_id[1]
        );
    }
    return "";
}

patch(FormController.prototype, {
    get deleteConfirmationDialogProps() {
        const props = super.deleteConfirmationDialogProps;
        const kept = this.props.resModel === "res.partner" && keptMessage(this.model.root.data);
        return kept ? { ...props, body: `${props.body} ${kept}` } : props;
    },
});

patch(ListController.prototype, {
    get deleteConfirmationDialogProps() {
        const props = super.deleteConfirmationDialogProps;
        if (this.props.resModel !== "res.partner") {
            return props;
        }
        const selection = this.model.root.selection;
        let kept = "";
        if (selection.length === 1) {
            kept = keptMessage(selection[0].data);
        } else if (this.model.root.isDomainSelected || selection.some((r) => isLinked(r.data))) {
            kept = _t(
                "Deleting a contact keeps its customer, vendor and bank accounts, and deleting a customer or vendor keeps its contact: only the links are removed, and a note on the other side says so."
            );
        }
        return kept ? { ...props, body: `${props.body} ${kept}` } : props;
    },
});
