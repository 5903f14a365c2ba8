# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..link_kinds import LINK_KINDS
from ..notifications import notify_then

# the buttons of Settings > Synchronized Fields and the runs they start
SYNC_OPERATIONS = ("check", "resync_contact", "resync_linked")


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contact_sequence_id = fields.Many2one(
        related="company_id.contact_sequence_id", readonly=False
    )
    customer_business_relation_id = fields.Many2one(
        related="company_id.customer_business_relation_id", readonly=False
    )
    vendor_business_relation_id = fields.Many2one(
        related="company_id.vendor_business_relation_id", readonly=False
    )
    bank_account_business_relation_id = fields.Many2one(
        related="company_id.bank_account_business_relation_id", readonly=False
    )
    # "default_*" names are reserved by res.config.settings (field defaults)
    contact_default_customer_template_id = fields.Many2one(
        related="company_id.default_customer_template_id", readonly=False
    )
    contact_default_vendor_template_id = fields.Many2one(
        related="company_id.default_vendor_template_id", readonly=False
    )
    # contact_missing_<link_to>_count: one per link kind
    contact_missing_customer_count = fields.Integer(
        string="Customers without Contact", compute="_compute_contact_missing_counts"
    )
    contact_missing_vendor_count = fields.Integer(
        string="Vendors without Contact", compute="_compute_contact_missing_counts"
    )
    contact_missing_bank_account_count = fields.Integer(
        string="Bank Accounts without Contact",
        compute="_compute_contact_missing_counts",
    )

    @api.depends("company_id")
    def _compute_contact_missing_counts(self):
        Wizard = self.env["contact.create.contacts.wizard"]
        counts = {
            link_to: Wizard._missing_contact_count(link_to) for link_to in LINK_KINDS
        }
        for settings in self:
            for link_to, count in counts.items():
                settings[f"contact_missing_{link_to}_count"] = count

    # the synchronized fields: contact_sync_<link_to>_field_count, one per link kind
    contact_sync_customer_field_count = fields.Integer(
        string="Synchronized Fields of Customers",
        compute="_compute_contact_sync_fields",
    )
    contact_sync_vendor_field_count = fields.Integer(
        string="Synchronized Fields of Vendors", compute="_compute_contact_sync_fields"
    )
    contact_sync_bank_account_field_count = fields.Integer(
        string="Synchronized Fields of Bank Accounts",
        compute="_compute_contact_sync_fields",
    )
    # the same counts as a user reads them beside the kind: "16 fields"
    contact_sync_customer_field_label = fields.Char(
        string="Number of Synchronized Fields of Customers",
        compute="_compute_contact_sync_field_labels",
    )
    contact_sync_vendor_field_label = fields.Char(
        string="Number of Synchronized Fields of Vendors",
        compute="_compute_contact_sync_field_labels",
    )
    contact_sync_bank_account_field_label = fields.Char(
        string="Number of Synchronized Fields of Bank Accounts",
        compute="_compute_contact_sync_field_labels",
    )
    # the last check of the links, and whether the fields changed since
    contact_sync_differ_count = fields.Integer(
        string="Links that Differ", compute="_compute_contact_sync_fields"
    )
    contact_sync_check_state = fields.Selection(
        [
            ("none", "Not Checked"),
            ("outdated", "Fields Changed Since"),
            ("running", "Running"),
            ("done", "Checked"),
        ],
        string="Check of the Links",
        compute="_compute_contact_sync_fields",
    )
    contact_sync_check_date = fields.Datetime(
        string="Last Check", compute="_compute_contact_sync_fields"
    )

    @api.depends("company_id")
    def _compute_contact_sync_fields(self):
        SyncField = self.env["contact.sync.field"].sudo()
        counts = dict(
            SyncField._read_group([], ["link_to"], ["__count"]),
        )
        version = SyncField._version()
        Job = self.env["contact.sync.job"].sudo()
        domain = [
            ("operation", "in", SYNC_OPERATIONS),
            ("company_id", "=", self.env.company.id),
        ]
        running = Job.search_count([*domain, ("state", "in", ("queued", "running"))])
        # the last finished check or realignment of each kind
        last = {}
        for job in Job.search([*domain, ("state", "=", "done")], order="id desc"):
            last.setdefault(job.link_to, job)
        checked = min((job.date_done for job in last.values()), default=False)
        if running:
            state = "running"
        elif not last:
            state = "none"
        elif any(job.fields_version < version for job in last.values()):
            state = "outdated"
        else:
            state = "done"
        # the links that differ now: the rows of the Differences list, less those a
        # user chose a value for since
        [[differ]] = self.env["contact.sync.difference"]._read_group(
            [], [], ["link_id:count_distinct"]
        )
        for settings in self:
            for link_to in LINK_KINDS:
                settings[f"contact_sync_{link_to}_field_count"] = counts.get(link_to, 0)
            settings.contact_sync_differ_count = differ
            settings.contact_sync_check_state = state
            settings.contact_sync_check_date = checked

    @api.depends(*(f"contact_sync_{link_to}_field_count" for link_to in LINK_KINDS))
    def _compute_contact_sync_field_labels(self):
        for settings in self:
            for link_to in LINK_KINDS:
                count = settings[f"contact_sync_{link_to}_field_count"]
                settings[f"contact_sync_{link_to}_field_label"] = (
                    self.env._("1 field")
                    if count == 1
                    else self.env._("%s fields", count)
                )

    def action_contact_sync_fields(self):
        """The synchronized fields of the kind of link in the context (link_to)."""
        link_to = self.env.context.get("link_to")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contact_partner_sync.contact_sync_field_action"
        )
        titles = {
            "customer": self.env._("Synchronized Fields of Customers"),
            "vendor": self.env._("Synchronized Fields of Vendors"),
            "bank_account": self.env._("Synchronized Fields of Bank Accounts"),
        }
        if link_to in LINK_KINDS:
            kind = self.env["contact.business.relation"]._link_to_label(link_to)
            name = titles.get(link_to) or self.env._("Synchronized Fields: %s", kind)
            action.update(
                name=name,
                display_name=name,  # what the breadcrumb shows
                domain=[("link_to", "=", link_to)],
                context={"default_link_to": link_to},
            )
        return action

    def action_contact_sync_run(self):
        """Check the links, or realign them (``operation`` in the context), for every
        kind of link: at once when they are few, in the background above the
        threshold. What still differs afterwards opens in the Differences list."""
        operation = self.env.context.get("operation")
        if operation not in SYNC_OPERATIONS:
            return False
        Job = self.env["contact.sync.job"]
        Link = self.env["contact.business.relation"]
        threshold = Job._background_threshold()
        messages, jobs = [], Job
        for link_to in LINK_KINDS:
            if not Link.search_count(Job._links_domain(link_to), limit=1):
                continue
            job = Job._enqueue(link_to, operation=operation)
            if job.total_count > threshold:
                messages.append(
                    self.env._(
                        "%(run)s: %(count)s links queued; it runs in the background "
                        "and you will be notified when it is done.",
                        run=job.name,
                        count=job.total_count,
                    )
                )
                continue
            job.sudo()._run_now()
            jobs |= job
            if job.state == "failed":
                messages.append(f"{job.name}: {job.error}")
            else:
                messages.append(f"{job.name}: {job._result_message()}")
        # Settings reload and show the new counts, or the differences open
        next_action = {"type": "ir.actions.act_window_close"}
        if jobs.sudo().difference_ids:
            next_action = self.env["contact.sync.difference"]._action_open(
                domain=[("job_id", "in", jobs.ids)]
            )
        return notify_then(
            "\n".join(messages) or self.env._("There are no links to go through."),
            next_action,
        )

    def action_contact_sync_differences(self):
        """The Differences list: what the last checks and realignments found."""
        return self.env["contact.sync.difference"]._action_open()
