# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models

from ..link_kinds import (
    LINK_KINDS,
    LINK_TO_SELECTION,
    kind_of_search_mode,
    kinds_of_model,
)
from ..notifications import notify_then


class ContactCreateContactsWizard(models.TransientModel):
    """Create Contacts: the contacts of selected customers, vendors or bank accounts
    (of all those without contact when none is selected)."""

    _name = "contact.create.contacts.wizard"
    _description = "Create Contacts from Customers / Vendors / Bank Accounts"

    link_to = fields.Selection(
        LINK_TO_SELECTION, string="Create contacts of", required=True
    )
    partner_ids = fields.Many2many("res.partner", string="Customers / Vendors")
    bank_account_ids = fields.Many2many("res.partner.bank", string="Bank Accounts")
    missing_count = fields.Integer(
        string="Records without contact", compute="_compute_missing_count"
    )
    # without the company's business relation code of the kind, nothing can be linked
    relation_missing = fields.Boolean(
        string="Business Relation Code Missing", compute="_compute_relation_missing"
    )

    @api.model
    def default_get(self, fields_list):
        """Opened from a list, the wizard takes its selected records: bank accounts,
        or customers / vendors as the list shows them (its search mode)."""
        res = super().default_get(fields_list)
        context = self.env.context
        kinds = kinds_of_model(context.get("active_model"))
        if kinds:
            keys = [kind.key for kind in kinds]
            by_mode = kind_of_search_mode(context.get("res_partner_search_mode"))
            link_to = res.get("link_to")
            if link_to not in keys:
                link_to = by_mode.key if by_mode in kinds else keys[0]
            res.update(
                link_to=link_to,
                **{
                    self._selection_field(link_to): [
                        Command.set(context.get("active_ids") or [])
                    ]
                },
            )
        return res

    @api.model
    def _selection_field(self, link_to):
        """The field of the wizard holding the selected records of ``link_to``."""
        model = LINK_KINDS[link_to].model
        return next(
            fname
            for fname in ("partner_ids", "bank_account_ids")
            if self._fields[fname].comodel_name == model
        )

    @api.model
    def _missing_contact_domain(self, link_to):
        """The customers / vendors (res.partner) or bank accounts (res.partner.bank)
        that have no contact for ``link_to`` yet."""
        model = LINK_KINDS[link_to].model
        return self.env[model]._contact_sync_missing_domain(link_to)

    @api.model
    def _missing_contact_count(self, link_to, records=None):
        domain = self._missing_contact_domain(link_to)
        if records is not None:
            domain = [("id", "in", records.ids), *domain]
        return self.env[LINK_KINDS[link_to].model].search_count(domain)

    @api.depends("link_to", "partner_ids", "bank_account_ids")
    def _compute_missing_count(self):
        for wizard in self:
            if not wizard.link_to:
                wizard.missing_count = 0
                continue
            records = wizard[self._selection_field(wizard.link_to)]
            wizard.missing_count = self._missing_contact_count(
                wizard.link_to, records or None
            )

    @api.depends("link_to")
    @api.depends_context("company")
    def _compute_relation_missing(self):
        for wizard in self:
            wizard.relation_missing = bool(
                wizard.link_to
                and not self.env.company._contact_sync_relation(wizard.link_to)
            )

    def action_open_settings(self):
        """Where the business relation codes are set."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "base_setup.action_general_configuration"
        )

    def _records(self):
        """The selected records, or all the records of that kind without contact."""
        kind = LINK_KINDS[self.link_to]
        return self[self._selection_field(kind.key)] or self.env[kind.model].search(
            self._missing_contact_domain(kind.key)
        )

    def action_create_contacts(self):
        """Create the contacts now, or, above the background threshold, queue the
        run for the cron and say so."""
        self.ensure_one()
        Job = self.env["contact.sync.job"]
        selected = self[self._selection_field(self.link_to)]
        count = len(selected) if selected else self.missing_count
        if count > Job._background_threshold():
            return self._action_queued(Job._enqueue(self.link_to, selected or None))
        records = self._records()
        missing = self._missing_contact_count(self.link_to, records)
        contacts = records.create_contacts(link_to=self.link_to)
        linked = missing - self._missing_contact_count(self.link_to, records)
        action = contacts._contact_sync_list_action(self.env._("Created Contacts"))
        return notify_then(
            self.env._(
                "Contacts created: %(created)s. Linked to their existing contact: "
                "%(reused)s. Skipped (they have a contact already or cannot have "
                "one): %(skipped)s.",
                created=len(contacts),
                reused=linked - len(contacts),
                skipped=len(records) - linked,
            ),
            action if contacts else {"type": "ir.actions.act_window_close"},
        )

    def _action_queued(self, job):
        return notify_then(
            self.env._(
                "%(run)s: %(count)s records queued (%(progress)s%% done). It runs in "
                "the background; Settings shows its progress, and you will be notified "
                "when it is done.",
                run=job.name,
                count=job.total_count,
                progress=int(job.progress),
            ),
            {"type": "ir.actions.act_window_close"},
        )
