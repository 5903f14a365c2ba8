/** @odoo-module **/
// Radio buttons offering only the values listed in another field of the record (a
// Json list), as web's filterable_selection does for a dropdown: Create as and Link
// with Existing offer only the kinds of links the contact has not got yet.
import { registry } from "@web/core/registry";
import { RadioField, radioField } from "@web/views/fields/radio/radio_field";

export class FilterableRadioField extends RadioField {
    static props = {
        ...RadioField.props,
        whitelist_fname: { type: String, optional: true },
    };

    get items() {
        const items = super.items;
        const allowed = this.props.whitelist_fname
            ? this.props.record.data[this.props.whitelist_fname]
            : null;
        if (!Array.isArray(allowed)) {
            return items;
        }
        const current = this.props.record.data[this.props.name];
        return items.filter(([value]) => value === current || allowed.includes(value));
    }
}

export const filterableRadioField = {
    ...radioField,
    component: FilterableRadioField,
    extractProps(fieldInfo, dynamicInfo) {
        return {
            ...radioField.extractProps(fieldInfo, dynamicInfo),
            whitelist_fname: fieldInfo.options.whitelist_fname,
        };
    },
};

registry.category("fields").add("contact_filterable_radio", filterableRadioField);
