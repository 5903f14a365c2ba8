# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One set of persons per company (DESIGN §6.1).

A linked pair (a company contact and its customer / vendor) has one set of persons.
They live under the customer / vendor (the pair's "home": the partner of the contact's
oldest customer or vendor link), which is their commercial partner for Odoo: a
quotation, order, invoice, RFQ or bill made for a person keeps the person and its
accounting lands on the customer / vendor, Odoo's commercial fields and address reach
them from there. While a contact has neither, its persons live under it. A person
added under the contact (its form, an import, the API) is put under the home at once;
the persons of a contact move there when it gets its first customer / vendor, and to
the pair's other face when the face they live under is deleted.
"""

from collections import defaultdict

from odoo import api, fields, models

from ...context_keys import PERSON_PLACED
from ...link_kinds import PARTNER_KINDS


class ResPartner(models.Model):
    _inherit = "res.partner"

    contact_person_ids = fields.Many2many(
        "res.partner",
        string="Persons",
        compute="_compute_contact_person_ids",
        inverse="_inverse_contact_person_ids",
        # "Add" may pick an existing person without company (not a company, an
        # address, another company's person or a user)
        domain=[
            ("is_company", "=", False),
            ("type", "=", "contact"),
            ("parent_id", "=", False),
            ("user_ids", "=", False),
        ],
        help="The persons of the company, whichever of its faces (contact, customer, "
        "vendor) they were added under: one record each, listed on every face.",
    )

    # ------------------------------------------------------------------ the pair
    def _contact_person_faces(self):
        """{partner: the company partners of its pair}: for a face of a linked pair,
        the contact and its customers / vendors; for any other company partner,
        itself (a person: none)."""
        origins = self._origin
        commercial = origins.commercial_partner_id
        contacts = commercial.filtered("is_contact") | commercial.linked_contact_id
        contact_links = contacts.business_relation_ids._of_kind(*PARTNER_KINDS)
        faces = {}
        for partner in self:
            origin = partner._origin
            root = origin.commercial_partner_id
            if not origin or root != origin:
                faces[partner] = self.browse()
                continue
            contact = root if root.is_contact else root.linked_contact_id
            if not contact:
                faces[partner] = root
                continue
            links = contact_links.filtered(lambda link, c=contact: link.contact_id == c)
            faces[partner] = contact | links.partner_id
        return faces

    def _contact_person_home(self):
        """The partner the persons of the contact self live under: the partner of
        its oldest customer / vendor link, else the contact itself."""
        self.ensure_one()
        links = self.business_relation_ids._of_kind(*PARTNER_KINDS).sorted("id")
        return links[:1].partner_id or self

    @api.model
    def _contact_person_domain(self, parents):
        """The persons (not addresses, not companies) under ``parents``."""
        return [
            ("parent_id", "in", parents.ids),
            ("type", "=", "contact"),
            ("is_company", "=", False),
        ]

    # ------------------------------------------------------------------ computes
    @api.depends(
        "child_ids",
        "business_relation_ids.partner_id.child_ids",
        "linked_contact_id.child_ids",
        "linked_contact_id.business_relation_ids.partner_id.child_ids",
    )
    def _compute_contact_person_ids(self):
        faces = self._contact_person_faces()
        all_faces = self.browse().union(*faces.values())
        persons = (
            self.search(self._contact_person_domain(all_faces), order="name, id")
            if all_faces
            else self.browse()
        )
        by_parent = defaultdict(list)
        for person in persons:
            by_parent[person.parent_id.id].append(person.id)
        for partner in self:
            partner.contact_person_ids = [
                pid for face in faces[partner] for pid in by_parent[face.id]
            ]

    def _inverse_contact_person_ids(self):
        """Persons added to the list go under the pair's home; persons removed from
        it are detached from the company (kept, as Odoo's own list does)."""
        faces = self._contact_person_faces()
        for partner in self:
            if not faces[partner]:
                continue
            current = self.search(self._contact_person_domain(faces[partner]))
            wanted = partner.contact_person_ids
            contact = faces[partner].filtered("is_contact")[:1]
            home = contact._contact_person_home() if contact else partner
            added = (wanted - current).filtered(
                lambda p: p.type == "contact" and not p.is_company
            )
            if added:
                added.write({"parent_id": home.id})
            removed = current - wanted
            if removed:
                removed.write({"parent_id": False})

    # ------------------------------------------------------------------ ORM
    @api.model_create_multi
    def create(self, vals_list):
        self._contact_person_redirect(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("parent_id"):
            (vals,) = self._contact_person_redirect(
                [dict(vals)],
                # a person contact with links of its own stays a contact
                persons=all(
                    p.type == "contact"
                    and not p.is_company
                    and not p.business_relation_ids
                    for p in self
                ),
            )
        return super().write(vals)

    @api.model
    def _contact_person_redirect(self, vals_list, persons=None):
        """Persons given a contact that has a customer / vendor as their company
        are put under it (its home) instead: the pair has one set of persons.
        ``persons``: whether the records written are persons (None: tell from the
        values, for a creation). Read once for the batch, nothing when no value
        has a parent."""
        if self.env.su and self.env.context.get(PERSON_PLACED):
            return vals_list
        default_parent = (
            self.env.context.get("default_parent_id") if persons is None else False
        )
        parent_ids = {
            vals.get("parent_id", default_parent)
            for vals in vals_list
            if vals.get("parent_id", default_parent)
        }
        if not parent_ids:
            return vals_list
        parents = self.browse(parent_ids).sudo()
        homes = {
            parent.id: parent._contact_person_home()
            for parent in parents.filtered("contact_partner_linked")
        }
        # a customer / vendor the user may not read (another company's) is not
        # given persons by that user: they stay under the contact
        readable = (
            self.browse([home.id for home in homes.values()])
            ._filtered_access("read")
            .ids
        )
        homes = {pid: home for pid, home in homes.items() if home.id in readable}
        if not homes:
            return vals_list
        default_type = self.env.context.get("default_type", "contact")
        default_company = self.env.context.get("default_is_company", False)
        for vals in vals_list:
            home = homes.get(vals.get("parent_id", default_parent))
            if not home:
                continue
            is_person = (
                persons
                if persons is not None
                else vals.get("type", default_type) == "contact"
                and not vals.get("is_company", default_company)
            )
            if is_person:
                vals.update(parent_id=home.id, is_contact=False)
        return vals_list

    def _contact_persons_gather(self, persons=None):
        """The contacts self that have a customer / vendor: their persons (or those
        of ``persons`` under them: archived ones too) go under it (a link was just
        made, or they were added before this rule). Contacts created in this
        transaction cost nothing (their persons are known, none); else one read for
        the batch, one write per customer / vendor."""
        contacts = self.filtered("contact_partner_linked")
        if not contacts:
            return
        if persons is None:
            persons = contacts.sudo().child_ids
        persons = persons.filtered(
            lambda p: (
                p.parent_id in contacts
                and p.type == "contact"
                and not p.is_company
                and not p.business_relation_ids  # a person contact's own links
            )
        )
        by_home = defaultdict(self.browse)
        for person in persons:
            by_home[person.parent_id._contact_person_home()] |= person
        notes = {}
        for home, home_persons in by_home.items():
            moving = home_persons.filtered(lambda p, h=home: p.parent_id != h)
            if not moving:
                continue
            for contact, moved in moving.grouped("parent_id").items():
                notes[contact.id] = self.env._(
                    "Its persons %(persons)s now live under %(partner)s, where its "
                    "documents and accounts are; they are listed here too.",
                    persons=", ".join(moved.mapped("name")),
                    partner=home.display_name,
                )
            moving.write({"parent_id": home.id, "is_contact": False})
        if notes and not self.env.context.get("tracking_disable"):
            self.sudo().browse(list(notes))._message_log_batch(bodies=notes)

    def _contact_persons_rehome_before_unlink(self, links):
        """The partners self are deleted, ``links`` are their links: the persons
        living under a customer / vendor of a linked pair go to the pair's other
        face (another customer / vendor, else the contact), not away with it."""
        faces = links.partner_id & self
        if not faces:
            return
        persons = (
            self.sudo()
            .with_context(active_test=False)
            .search([*self._contact_person_domain(faces), ("id", "not in", self.ids)])
        )
        for face, face_persons in persons.grouped("parent_id").items():
            contact = face.linked_contact_id
            others = (
                contact.business_relation_ids._of_kind(*PARTNER_KINDS)
                .sorted("id")
                .partner_id
                - self
            )
            home = others[:1] or (contact - self)
            if not home:  # the whole pair is deleted: Odoo's rule, no company
                continue
            face_persons.with_context(**{PERSON_PLACED: True}).write(
                {"parent_id": home.id}
            )
