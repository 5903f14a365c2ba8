/** @odoo-module **/
// Copyright 2026 contact_partner_sync contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
// What differs between the Odoo series for the tours (as compat.py for the Python code).
import { session } from "@web/session";

export const SINCE_19 = (session.server_version_info || [])[0] >= 19;

// A step after which the page reloads (saving the settings): 19.0's tours must be told
// (expectUnloadPage, else the reload fails the tour), 18.0's refuse the key.
export function reloadsPage(step) {
    return SINCE_19 ? { ...step, expectUnloadPage: true } : step;
}
