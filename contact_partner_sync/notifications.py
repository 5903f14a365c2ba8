# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The notifications the web client shows after an action of the addon."""


def notify_then(message, next_action, title=None):
    """A client action showing ``message``, then running ``next_action``."""
    if next_action.get("type") == "ir.actions.act_window" and not next_action.get(
        "views"
    ):
        # the web client cleans the actions returned by buttons, not their "next"
        next_action = dict(
            next_action,
            views=[(False, mode) for mode in next_action["view_mode"].split(",")],
        )
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": {
            "title": title or False,
            "message": message,
            "type": "success",
            "sticky": False,
            # one line per sentence given on its own line (static/src/scss)
            "className": "o_contact_sync_notification",
            "next": next_action,
        },
    }
