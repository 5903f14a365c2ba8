# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..compat import notify_cron_progress
from ..link_kinds import LINK_KINDS, LINK_TO_SELECTION

_logger = logging.getLogger(__name__)

THRESHOLD_PARAM = "contact_partner_sync.background_threshold"
DEFAULT_THRESHOLD = 1000
# records per call of the cron: one committed chunk of a few seconds. Odoo makes up to
# 10 calls in a row in one cron worker, whose whole turn must fit in its time limit
# (limit_time_real, 120 s by default)
CHUNK_SIZE = 1000


OPERATIONS = [
    ("create_contacts", "Create Contacts"),
    ("check", "Check"),
    ("resync_contact", "Realign: Contacts Win"),
    ("resync_linked", "Realign: Linked Records Win"),
]
# the links an operation on links goes through
LINK_OPERATIONS = ("check", "resync_contact", "resync_linked")


class ContactSyncJob(models.Model):
    """A background run: a large Create Contacts, or a check or realignment of the
    links after their synchronized fields changed, started from the web client, done by
    the cron ``ir_cron_contact_sync_jobs`` one committed chunk at a time (Odoo's
    batched cron), so that it fits any worker's time limit, runs on any server, and
    resumes where it stopped after a crash without doing anything twice."""

    _name = "contact.sync.job"
    _inherit = ["mail.thread"]
    _description = "Background Run"
    _order = "id desc"

    name = fields.Char(compute="_compute_name")
    operation = fields.Selection(
        OPERATIONS, required=True, default="create_contacts", readonly=True
    )
    link_to = fields.Selection(LINK_TO_SELECTION, string="Links of", required=True)
    record_ids = fields.Json(
        help="The selected records; empty: every record of that kind without contact."
    )
    state = fields.Selection(
        [
            ("queued", "Queued"),
            ("running", "Running"),
            ("done", "Done"),
            ("failed", "Failed"),
        ],
        default="queued",
        required=True,
        index=True,
    )
    # the records are processed in the order of their ids: the next chunk starts
    # after last_id, so that a resumed run takes up where the last commit left it
    last_id = fields.Integer(string="Last Processed ID", readonly=True)
    total_count = fields.Integer(string="To Do", readonly=True)
    done_count = fields.Integer(string="Done", readonly=True)
    progress = fields.Float(compute="_compute_progress")
    # the ids of the contacts created so far: appended in each chunk without reading
    # a relation that grows with the run
    created_ids = fields.Json(readonly=True)
    contact_ids = fields.Many2many(
        "res.partner", string="Created Contacts", compute="_compute_contact_ids"
    )
    created_count = fields.Integer(string="Contacts Created", readonly=True)
    # a check: the links whose records differ on a field synchronized both ways
    found_ids = fields.Json(string="Links Found", readonly=True)
    found_count = fields.Integer(string="Links that Differ", readonly=True)
    # a realignment: the links whose contact or linked record it changed
    changed_count = fields.Integer(string="Links Changed", readonly=True)
    difference_ids = fields.One2many(
        "contact.sync.difference", "job_id", string="Differences"
    )
    # the version of the synchronized fields a check was made against
    fields_version = fields.Integer(string="Synchronized Fields Version", readonly=True)
    error = fields.Text(readonly=True)
    user_id = fields.Many2one(
        "res.users",
        string="Started by",
        required=True,
        default=lambda self: self.env.user,
        readonly=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        readonly=True,
    )
    company_ids = fields.Many2many(
        "res.company",
        string="Allowed Companies",
        default=lambda self: self.env.companies,
        readonly=True,
    )
    date_done = fields.Datetime(readonly=True)

    @api.depends("link_to", "operation")
    def _compute_name(self):
        operations = dict(self._fields["operation"]._description_selection(self.env))
        for job in self:
            kind = self.env["contact.business.relation"]._link_to_label(job.link_to)
            job.name = self.env._(
                "%(operation)s: %(kind)s",
                operation=operations.get(job.operation, ""),
                kind=kind,
            )

    @api.depends("created_ids")
    def _compute_contact_ids(self):
        for job in self:
            job.contact_ids = self.env["res.partner"].browse(job.created_ids or [])

    @api.depends("total_count", "done_count")
    def _compute_progress(self):
        for job in self:
            job.progress = (
                100.0 * job.done_count / job.total_count if job.total_count else 0.0
            )

    # ------------------------------------------------------------------ queueing
    @api.model
    def _background_threshold(self):
        """Above this number of records, a run started from the web client goes to
        the background (system parameter, default 1000)."""
        value = self.env["ir.config_parameter"].sudo().get_param(THRESHOLD_PARAM)
        try:
            return int(value) if value else DEFAULT_THRESHOLD
        except ValueError:
            return DEFAULT_THRESHOLD

    @api.model
    def _enqueue(self, link_to, records=None, operation="create_contacts"):
        """Queue a Create Contacts of ``records`` (all the records of ``link_to``
        without contact when None), or a check or realignment (``operation``) of all
        the links of ``link_to``, and wake the cron; the same run queued or running
        already is returned instead of a second one."""
        ids = sorted(records.ids) if records else False
        Job = self.sudo()
        same = Job.search(
            [
                ("operation", "=", operation),
                ("link_to", "=", link_to),
                ("state", "in", ("queued", "running")),
                ("company_id", "=", self.env.company.id),
            ]
        ).filtered(lambda job: (job.record_ids or False) == ids)
        if same:
            return same[:1].with_env(self.env)
        if ids:
            total = len(ids)
        elif operation in LINK_OPERATIONS:
            total = self.env["contact.business.relation"].search_count(
                self._links_domain(link_to)
            )
        else:
            total = self.env[LINK_KINDS[link_to].model].search_count(
                self._missing_domain(link_to)
            )
        job = Job.create(
            {
                "fields_version": self.env["contact.sync.field"]._version(),
                "operation": operation,
                "link_to": link_to,
                "record_ids": ids,
                "total_count": total,
                "user_id": self.env.uid,
                "company_id": self.env.company.id,
                "company_ids": [Command.set(self.env.companies.ids)],
            }
        )
        self.env.ref("contact_partner_sync.ir_cron_contact_sync_jobs")._trigger()
        return job.with_env(self.env)

    @api.model
    def _links_domain(self, link_to):
        """The links a check or realignment goes through (paused ones excluded)."""
        return [("link_to", "=", link_to), ("sync_active", "=", True)]

    def _run_now(self):
        """Run the whole job in this request (small runs); the caller tells the
        user how it ended."""
        self.ensure_one()
        while self.state in ("queued", "running"):
            self._run_chunk(notify=False)
        return self

    @api.model
    def _missing_domain(self, link_to):
        return self.env[LINK_KINDS[link_to].model]._contact_sync_missing_domain(link_to)

    # ------------------------------------------------------------------ the cron
    @api.model
    def _cron_run(self):
        """One chunk of the oldest unfinished run (batched cron: the cron commits
        it, and calls again while some work remains)."""
        jobs = self.search([("state", "in", ("queued", "running"))], order="id")
        if not jobs:
            return
        done = jobs[0]._run_chunk()
        remaining = sum(
            max(job.total_count - job.done_count, 1)
            for job in jobs.filtered(lambda job: job.state in ("queued", "running"))
        )
        notify_cron_progress(self.env, done, remaining)
        if remaining:
            # Odoo runs a few calls per wake-up, then reschedules the cron without
            # waking a cron worker: wake one up for the rest, at once
            self.env.ref("contact_partner_sync.ir_cron_contact_sync_jobs")._trigger()

    def _chunk_records(self):
        """The next records of the run, after last_id, in the order of their ids."""
        self.ensure_one()
        if self.operation in LINK_OPERATIONS:
            return self.env["contact.business.relation"].search(
                [("id", ">", self.last_id), *self._links_domain(self.link_to)],
                order="id",
                limit=CHUNK_SIZE,
            )
        Model = self.env[LINK_KINDS[self.link_to].model]
        if not self.record_ids:
            # the records the run counted when queued: active ones, as the wizard's
            return Model.search(
                [("id", ">", self.last_id), *self._missing_domain(self.link_to)],
                order="id",
                limit=CHUNK_SIZE,
            )
        ids = [rid for rid in self.record_ids if rid > self.last_id][:CHUNK_SIZE]
        return Model.browse(ids).exists()

    def _run_chunk(self, notify=True):
        """Create the contacts of the next chunk as the user who started the run; a
        refusal (a code unset, a record that cannot have a contact) fails the run
        with its message, the work of the chunk undone. Return how much was done
        (records processed, at least 1: the run moved on)."""
        self.ensure_one()
        # as an import does: no creation message nor follower per new contact
        env = self.env(
            user=self.user_id.id,
            context=dict(
                self.env.context,
                allowed_company_ids=[self.company_id.id]
                + (self.company_ids - self.company_id).ids,
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            ),
        )
        job = self.with_env(env)
        records = job._chunk_records()
        if not records:
            self._finish(notify)
            return 1
        self.state = "running"
        try:
            with self.env.cr.savepoint():
                result = job._process(records)
        except (UserError, ValidationError) as error:
            self.write({"state": "failed", "error": error.args[0]})
            if notify:
                self._notify_user()
            return 1
        self.write(
            {
                "last_id": max(records.ids),
                "done_count": self.done_count + len(records),
                **result,
            }
        )
        _logger.info(
            "%s (run %s): %s/%s done, %s contacts created",
            self.name,
            self.id,
            self.done_count,
            self.total_count,
            self.created_count,
        )
        return len(records)

    def _process(self, records):
        """Do the job's operation on one chunk of ``records``; return the values of
        the job that change."""
        self.ensure_one()
        values = {}
        if self.operation in ("resync_contact", "resync_linked"):
            changed = records._contact_sync_resync(
                "contact" if self.operation == "resync_contact" else "linked"
            )
            values["changed_count"] = self.changed_count + len(changed)
        if self.operation in LINK_OPERATIONS:
            # what still differs: the rows of the Differences list
            rows = self.env["contact.sync.difference"]._contact_sync_record(
                records, job=self
            )
            found = rows.link_id
            values.update(
                found_count=self.found_count + len(found),
                found_ids=(self.found_ids or []) + found.ids,
            )
            return values
        contacts = records.create_contacts(link_to=self.link_to)
        return {
            "created_count": self.created_count + len(contacts),
            "created_ids": (self.created_ids or []) + contacts.ids,
        }

    def _finish(self, notify=True):
        self.write(
            {
                "state": "done",
                "date_done": fields.Datetime.now(),
                "total_count": max(self.done_count, 0),
            }
        )
        if notify:
            self._notify_user()

    def _notify_user(self):
        """Tell the user who started the run how it ended: a notification in the web
        client, with a link to what was created."""
        self.ensure_one()
        if self.state == "done":
            toast = self._result_message()
            message = self.env._("%(run)s: %(result)s", run=self.name, result=toast)
            kind = "success"
        else:
            message = self.env._(
                "%(run)s failed: %(reason)s", run=self.name, reason=self.error
            )
            toast, kind = self.error, "danger"
        # the run's name is the toast's title
        self.env["bus.bus"]._sendone(
            self.user_id.partner_id,
            "simple_notification",
            {"title": self.name, "message": toast, "type": kind, "sticky": True},
        )
        # in the inbox, with the run (and its Created Contacts button) linked
        self.message_notify(
            partner_ids=self.user_id.partner_id.ids,
            author_id=self.env.ref("base.partner_root").id,
            subject=self.name,
            body=message,
            email_layout_xmlid="mail.mail_notification_light",
        )

    def _result_message(self):
        """What a finished run did, in a sentence."""
        self.ensure_one()
        if self.operation == "check":
            return self.env._(
                "%(count)s of %(total)s links differ on a field synchronized both "
                "ways.",
                count=self.found_count,
                total=self.done_count,
            )
        if self.operation in LINK_OPERATIONS:
            message = self.env._(
                "%(changed)s of %(total)s links changed.",
                changed=self.changed_count,
                total=self.done_count,
            )
            if self.found_count:
                message += "\n" + self.env._(
                    "%s links still differ where the winning side's value is empty "
                    "(an empty value never replaces a value): choose in the "
                    "Differences list.",
                    self.found_count,
                )
            return message
        return self.env._("%s contacts created and linked.", self.created_count)

    # ------------------------------------------------------------------ buttons
    def action_view_contacts(self):
        self.ensure_one()
        return self.contact_ids._contact_sync_list_action(
            self.env._("Created Contacts")
        )

    def action_view_differences(self):
        """The differences this check or realignment found (and nobody has chosen
        a value for since)."""
        self.ensure_one()
        return self.env["contact.sync.difference"]._action_open(
            domain=[("job_id", "=", self.id)]
        )
