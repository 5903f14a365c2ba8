# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The invariants of the synchronization, checked from any test and by the load test
(``tools/load.py``) on a whole database.

    checker = SyncInvariants(self.env)
    before = checker.snapshot()
    ...                                  # anything
    checker.assert_ok(self, before, deleted={"res.partner": {partner.id}})

``violations()`` returns the broken invariants as sentences (empty when all hold):

1. every link joins existing records: a contact (``is_contact``), and for a
   customer / vendor link a partner that is not a contact, for a bank account link an
   account; the companies of the contact and of the linked record are compatible (equal,
   or one of them has none), and the link's company is its contact's;
2. the linked records of active (not paused) links carry their contact's values of
   the fields synchronized both ways (``res.partner._contact_sync_field_map``, the
   fields flowing in each direction): the customer / vendor itself, the bank of a
   bank account; a one-way field may differ (a change on its receiving side stays
   there), and so may everything of a paused link;
3. no duplicate links: one link per contact and kind (bank accounts: several, all at
   one bank), per contact and business
   relation, per customer / vendor and kind, per bank account; the customer and
   the vendor links of one partner go to the same contact;
4. the stored fields computed from the links say what the links say
   (``contact_business_relation``, ``linked_contact_id``, ``contact_id`` of accounts),
   read from the database;
5. with a ``snapshot()`` taken before: no contact, customer, vendor, bank account
   (active) or bank disappeared but those in ``deleted``;
6. one set of persons per company: no active person lives under a contact that has
   a customer or vendor (they live under it), but a person contact with links of its
   own.
"""

from .link_kinds import LINK_KINDS, PARTNER_KINDS
from .readers import read_values

SNAPSHOT_MODELS = ("res.partner", "res.partner.bank", "res.bank")


class SyncInvariants:
    """Checks the invariants on the whole database (as superuser)."""

    def __init__(self, env):
        self.env = env(su=True)

    # ------------------------------------------------------------------ existence
    def snapshot(self):
        """{model: ids}: the contacts, customers / vendors, active bank accounts and
        banks that exist now."""
        env = self.env
        Partner = env["res.partner"].with_context(active_test=False)
        partners = Partner.search(
            [
                "|",
                "|",
                ("is_contact", "=", True),
                ("customer_rank", ">", 0),
                ("supplier_rank", ">", 0),
            ]
        )
        return {
            "res.partner": set(partners.ids),
            "res.partner.bank": set(env["res.partner.bank"].search([]).ids),
            "res.bank": set(
                env["res.bank"].with_context(active_test=False).search([]).ids
            ),
        }

    def disappeared(self, before, deleted=None):
        """{model: ids} of ``before`` that no longer exist (accounts: archived too),
        but those of ``deleted``."""
        self.env.flush_all()
        deleted = deleted or {}
        now = self.snapshot()
        missing = {}
        for model in SNAPSHOT_MODELS:
            gone = before.get(model, set()) - now[model] - set(deleted.get(model, ()))
            if model == "res.partner":
                # a partner that is still there may only have lost its rank
                gone -= set(self.env[model].browse(gone).exists().ids)
            if gone:
                missing[model] = gone
        return missing

    # ------------------------------------------------------------------ links
    def violations(self, before=None, deleted=None):
        env = self.env
        env.flush_all()
        env.invalidate_all()  # read what is in the database
        problems = []
        if before is not None:
            for model, ids in self.disappeared(before, deleted).items():
                problems.append(f"{model} {sorted(ids)} disappeared")
        links = env["contact.business.relation"].with_context(active_test=False)
        links = links.search([])
        seen = {}  # what the links met so far, for the duplicates
        for link in links:
            problems += self._link_violations(link, seen)
        problems += self._computed_violations(links)
        problems += self._person_violations()
        return problems

    def _person_violations(self):
        Partner = self.env["res.partner"].with_context(active_test=False)
        contacts = Partner.search([("contact_partner_linked", "=", True)])
        persons = Partner.with_context(active_test=True)
        persons = persons.search(Partner._contact_person_domain(contacts)).filtered(
            lambda p: not p.business_relation_ids
        )
        return [
            f"person {person.id} lives under the contact {person.parent_id.id}, "
            f"which has a customer / vendor"
            for person in persons
        ]

    def _link_violations(self, link, seen):
        """The broken invariants 1 to 3 of one link; ``seen`` {key: link}."""
        name = f"link {link.id} ({link.display_name})"
        contact = link.contact_id
        if not contact.exists() or not contact.is_contact:
            return [f"{name}: {contact} is not an existing contact"]
        problems = []
        if link.company_id != contact.company_id:
            problems.append(
                f"{name}: company {link.company_id.name} is not its "
                f"contact's {contact.company_id.name}"
            )
        keys = [("relation", contact.id, link.business_relation_id.id)]
        if not link.link_to:
            if link.partner_id or link.bank_account_id:
                problems.append(f"{name}: a plain relation with a linked record")
        elif link.link_to in PARTNER_KINDS:
            target = link.partner_id
            if not target.exists() or link.bank_account_id:
                return [*problems, f"{name}: no existing customer / vendor"]
            if target.is_contact:
                problems.append(f"{name}: {target.display_name} is a contact")
            other = seen.setdefault(("contact of", target.id), contact)
            if other != contact:
                problems.append(
                    f"{name}: {target.display_name} is linked to two contacts "
                    f"({other.display_name}, {contact.display_name})"
                )
            problems += self._target_violations(link, contact, target, target)
        else:
            target = link.bank_account_id
            if not target.exists() or link.partner_id:
                return [*problems, f"{name}: no existing bank account"]
            # an account without bank carries nothing
            problems += self._target_violations(link, contact, target, target.bank_id)
            # one contact per bank: its accounts all at that bank
            bank = seen.setdefault(("bank of", contact.id), target.bank_id)
            if bank != target.bank_id:
                problems.append(
                    f"{name}: {contact.display_name} holds accounts at two banks "
                    f"({bank.display_name}, {target.bank_id.display_name})"
                )
        if link.link_to:
            keys.append(("target", target._name, target.id, link.link_to))
            if not LINK_KINDS[link.link_to].several_per_contact:
                keys.append(("kind", contact.id, link.link_to))
        if link.link_to and LINK_KINDS[link.link_to].several_per_contact:
            keys.remove(("relation", contact.id, link.business_relation_id.id))
        for key in keys:
            if key in seen:
                problems.append(f"{name}: duplicate of link {seen[key].id} ({key[0]})")
            seen[key] = link
        return problems

    def _target_violations(self, link, contact, target, synced):
        """Companies of the contact and its linked ``target``; values of ``synced``
        (the target or its bank) against the contact's."""
        name = f"link {link.id} ({link.display_name})"
        problems = []
        if (
            contact.company_id
            and target.company_id
            and contact.company_id != target.company_id
        ):
            problems.append(
                f"{name}: the contact belongs to {contact.company_id.name}, "
                f"{target.display_name} to {target.company_id.name}"
            )
        if not synced or not link.sync_active:
            return problems
        field_map = self.env["res.partner"]._contact_sync_field_map(
            link.link_to, "both"
        )
        theirs = read_values(synced, field_map)
        ours = read_values(contact, {c: c for c in field_map})
        for cfield, lfield in field_map.items():
            if ours[cfield] != theirs[cfield]:
                problems.append(
                    f"{name}: {synced._name} {synced.display_name}.{lfield} "
                    f"is {theirs[cfield]!r}, its contact's {cfield} {ours[cfield]!r}"
                )
        return problems

    def _computed_violations(self, links):
        """The stored computed fields against the links (read from the database)."""
        env = self.env
        problems = []
        contacts = (
            env["res.partner"]
            .with_context(active_test=False)
            .search(
                [
                    "|",
                    ("is_contact", "=", True),
                    ("contact_business_relation", "!=", False),
                ]
            )
        )
        kinds, has_links = {}, set()
        for link in links:
            has_links.add(link.contact_id.id)
            if link.link_to:
                kinds.setdefault(link.contact_id.id, set()).add(link.link_to)
        for contact in contacts:
            found = kinds.get(contact.id, set())
            if not contact.is_contact:
                expected = False
            elif len(found) > 1:
                expected = "multiple"
            elif found:
                expected = next(iter(found))
            else:
                expected = "other" if contact.id in has_links else "none"
            if contact.contact_business_relation != expected:
                problems.append(
                    f"{contact.display_name}: business relation "
                    f"{contact.contact_business_relation!r}, its links say {expected!r}"
                )
        problems += self._contact_of_violations(links, "res.partner", "partner_id")
        problems += self._contact_of_violations(
            links, "res.partner.bank", "bank_account_id"
        )
        return problems

    def _contact_of_violations(self, links, model, link_field):
        """The contact stored on the linked records of ``model`` (``linked_contact_id``
        of customers / vendors, ``contact_id`` of accounts) against their links."""
        fname = "linked_contact_id" if model == "res.partner" else "contact_id"
        expected = {}
        for link in links.filtered(link_field):
            expected.setdefault(link[link_field], link.contact_id)
        records = self.env[model].with_context(active_test=False)
        records = records.search([(fname, "!=", False)]).union(*expected)
        return [
            f"{record._description} {record.display_name}: {fname} "
            f"{record[fname].display_name!r}, its links say "
            f"{expected.get(record, record[fname].browse()).display_name!r}"
            for record in records
            if record[fname] != expected.get(record, record[fname].browse())
        ]

    def assert_ok(self, testcase, before=None, deleted=None, msg=""):
        """Fail ``testcase`` with every broken invariant."""
        problems = self.violations(before, deleted)
        if problems:
            testcase.fail("\n".join([msg or "broken invariants:", *problems]))
