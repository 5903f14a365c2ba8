# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The random use of tests/test_random_use.py: a hypothesis state machine.

A hypothesis ``RuleBasedStateMachine`` creates contacts, customers, vendors, bank
accounts and banks (one by one and in batches), writes synchronized fields on every
side, links, creates from contacts, creates contacts in batch, raises ranks, changes
companies, parents, banks and business relation codes, deletes and merges. Each example
runs in a savepoint rolled back at its end. A refused step (UserError/ValidationError)
is rolled back to its own savepoint and must say something; any other exception fails.

Profiles (``CPS_HYPOTHESIS_PROFILE``): ``ci`` (default: derandomized, no example
database, a few hundred steps) and ``long`` (random, thousands of steps).
"""

import logging
import os
from collections import Counter, defaultdict

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from odoo.exceptions import AccessError, UserError

from odoo.addons.contact_partner_sync.contact_partner_sync.compat import SINCE_19
from odoo.addons.contact_partner_sync.contact_partner_sync.invariants import (
    SyncInvariants,
)

from .common import CODE_FIELDS

_logger = logging.getLogger(__name__)

COMMON = {
    "database": None,
    "deadline": None,
    "print_blob": False,
    "suppress_health_check": list(HealthCheck),
}
settings.register_profile(
    "cps_ci", max_examples=40, stateful_step_count=25, derandomize=True, **COMMON
)
settings.register_profile(
    "cps_long", max_examples=400, stateful_step_count=50, derandomize=False, **COMMON
)
PROFILE = "cps_" + os.environ.get("CPS_HYPOTHESIS_PROFILE", "ci")

NAMES = ["Alpha Oy", "Beta AB", "Gamma NV", "Delta SpA", "Alpha Oy"]
CITIES = ["Helsinki", "Turku", "Brussels", False]
PHONES = ["+358 1", "+32 2", "+46 8", False]
EMAILS = ["a@example.com", "b@example.com", False]
STREETS = ["Main Street 1", "Rue Haute 2", False]
# field -> strategy of write values (records are drawn by key, resolved in the rule)
PARTNER_VALUES = {
    "name": st.sampled_from(NAMES),
    "city": st.sampled_from(CITIES),
    "phone": st.sampled_from(PHONES),
    "email": st.sampled_from(EMAILS),
    "street": st.sampled_from(STREETS),
    "website": st.sampled_from(["https://alpha.example.com", False]),
    "vat": st.sampled_from(["FI12345678", False]),
    "country_id": st.sampled_from(["be", "fi", False]),
    "user_id": st.sampled_from(["admin", "salesman", False]),
}
if not SINCE_19:  # res.partner.mobile: 18.0 only
    PARTNER_VALUES["mobile"] = st.sampled_from(PHONES)
BANK_VALUES = {
    "name": st.sampled_from(["Nordea", "KBC", "SEB"]),
    "city": st.sampled_from(CITIES),
    "phone": st.sampled_from(PHONES),
    "email": st.sampled_from(EMAILS),
    "street": st.sampled_from(STREETS),
    "country": st.sampled_from(["be", "fi", False]),
}
COMPANIES = st.sampled_from(["main", "other", None])
KINDS = st.sampled_from(["customer", "vendor", "bank_account"])
INDEX = st.integers(min_value=0, max_value=30)

STATS = Counter()


class SyncMachine(RuleBasedStateMachine):
    """One example: a random sequence of steps on the database of ``case``."""

    case = None  # the running TransactionCase

    def __init__(self):
        super().__init__()
        case = type(self).case
        self.env = case.env
        self.savepoint = self.env.cr.savepoint()
        self.checker = SyncInvariants(self.env)
        self.known = self.checker.snapshot()
        self.deleted = defaultdict(set)
        self.first_ids = {
            model: (
                self.env[model]
                .with_context(active_test=False)
                .search([], order="id desc", limit=1)
                .id
                or 0
            )
            for model in ("res.partner", "res.partner.bank", "res.bank")
        }
        self.numbers = 0
        STATS["examples"] += 1

    def teardown(self):
        self.savepoint.close(rollback=True)
        self.env.invalidate_all()

    # ------------------------------------------------------------------ helpers
    def value(self, fname, value):
        env, case = self.env, type(self).case
        if fname in ("country_id", "country"):
            return value and env.ref(f"base.{value}").id
        if fname == "user_id":
            return value and case.users[value].id
        return value

    def company(self, key):
        return type(self).case.companies.get(key, self.env["res.company"])

    def records(self, model, domain=()):
        """The records of ``model`` made in this example (``domain`` holds)."""
        return (
            self.env[model]
            .with_context(active_test=False)
            .search([("id", ">", self.first_ids[model]), *domain], order="id")
        )

    def contacts(self, *domain):
        return self.records("res.partner", [("is_contact", "=", True), *domain])

    def partners(self, *domain):
        return self.records("res.partner", [("is_contact", "=", False), *domain])

    @staticmethod
    def pick(records, index):
        return records[index % len(records)] if records else records

    def attempt(self, func, *args, **kwargs):
        """``func(*args)`` in a savepoint; a refusal rolls it back and is counted."""
        STATS["steps"] += 1
        try:
            with self.env.cr.savepoint():
                result = func(*args, **kwargs)
                self.env.flush_all()
        except AccessError:
            raise
        except UserError as exc:
            assert str(exc.args[0]).strip(), f"{func.__name__} refused without a word"
            STATS["refused"] += 1
            STATS[f"refused {type(exc).__name__}"] += 1
            return None
        STATS["done"] += 1
        return result

    def next_number(self):
        self.numbers += 1
        return f"NL{self.numbers:02d}ABNA{self.first_ids['res.partner.bank']:06d}"

    # ------------------------------------------------------------------ setup
    @initialize(
        codes=st.sampled_from(["all", "all", "none", "some"]),
    )
    def set_codes(self, codes):
        case = type(self).case
        for company in case.companies.values():
            case.set_codes(
                company,
                customer=codes != "none",
                vendor=codes == "all",
                bank=codes != "none",
            )

    # ------------------------------------------------------------------ creations
    @rule(
        name=st.sampled_from(NAMES),
        company=COMPANIES,
        is_company=st.booleans(),
        parent=st.none() | INDEX,
        city=st.sampled_from(CITIES),
    )
    def create_contact(self, name, company, is_company, parent, city):
        vals = {
            "name": name,
            "is_contact": True,
            "is_company": is_company,
            "company_id": self.company(company).id,
            "city": city,
        }
        if not is_company and parent is not None:
            vals["parent_id"] = self.pick(
                self.contacts(("is_company", "=", True)), parent
            ).id
        self.attempt(self.env["res.partner"].create, vals)

    @rule(
        specs=st.lists(
            st.tuples(
                st.sampled_from(NAMES),
                st.sampled_from(["customer", "vendor", "both", "none"]),
                COMPANIES,
                st.sampled_from(PHONES),
            ),
            min_size=1,
            max_size=4,
        )
    )
    def create_partners(self, specs):
        self.attempt(
            self.env["res.partner"].create,
            [
                {
                    "name": name,
                    "is_company": True,
                    "customer_rank": int(kind in ("customer", "both")),
                    "supplier_rank": int(kind in ("vendor", "both")),
                    "company_id": self.company(company).id,
                    "phone": phone,
                }
                for name, kind, company, phone in specs
            ],
        )

    @rule(name=st.sampled_from(["Nordea", "KBC", "SEB"]), city=st.sampled_from(CITIES))
    def create_bank(self, name, city):
        self.attempt(self.env["res.bank"].create, {"name": name, "city": city})

    @rule(
        holder=st.none() | INDEX,
        bank=st.none() | INDEX,
        count=st.integers(min_value=1, max_value=3),
    )
    def create_bank_accounts(self, holder, bank, count):
        holder = (
            self.pick(self.partners(), holder)
            if holder is not None
            else self.env.company.partner_id
        ) or self.env.company.partner_id
        bank = self.pick(self.records("res.bank"), bank) if bank is not None else None
        self.attempt(
            self.env["res.partner.bank"].create,
            [
                {
                    "acc_number": self.next_number(),
                    "partner_id": holder.id,
                    "bank_id": bank and bank.id,
                }
                for __ in range(count)
            ],
        )

    # ------------------------------------------------------------------ writes
    @precondition(lambda self: self.records("res.partner"))
    @rule(
        index=INDEX,
        contact=st.booleans(),
        data=st.data(),
        fname=st.sampled_from(sorted(PARTNER_VALUES)),
    )
    def write_partner(self, index, contact, data, fname):
        """A write on a contact, or on a customer / vendor / other partner."""
        record = self.pick(self.contacts() if contact else self.partners(), index)
        value = data.draw(PARTNER_VALUES[fname])
        if record:
            self.attempt(record.write, {fname: self.value(fname, value)})

    @precondition(lambda self: self.partners())
    @rule(
        indexes=st.lists(INDEX, min_size=2, max_size=3),
        fname=st.sampled_from(["city", "phone", "name"]),
        value=st.sampled_from(["Espoo", "+358 9"]),
    )
    def write_partners_batch(self, indexes, fname, value):
        partners = self.partners()
        batch = self.env["res.partner"].union(
            *(self.pick(partners, i) for i in indexes)
        )
        self.attempt(batch.write, {fname: value})

    @precondition(lambda self: self.records("res.bank"))
    @rule(index=INDEX, data=st.data(), fname=st.sampled_from(sorted(BANK_VALUES)))
    def write_bank(self, index, data, fname):
        bank = self.pick(self.records("res.bank"), index)
        value = data.draw(BANK_VALUES[fname])
        self.attempt(bank.write, {fname: self.value(fname, value)})

    @precondition(lambda self: self.records("res.partner.bank"))
    @rule(index=INDEX, bank=st.none() | INDEX)
    def change_account_bank(self, index, bank):
        account = self.pick(self.records("res.partner.bank"), index)
        bank = self.pick(self.records("res.bank"), bank) if bank is not None else None
        self.attempt(account.write, {"bank_id": bank and bank.id})

    @precondition(lambda self: self.records("res.partner"))
    @rule(index=INDEX, company=COMPANIES, contact=st.booleans())
    def change_company(self, index, company, contact):
        record = self.pick(self.contacts() if contact else self.partners(), index)
        if record:
            self.attempt(record.write, {"company_id": self.company(company).id})

    @precondition(lambda self: self.contacts())
    @rule(index=INDEX, parent=st.none() | INDEX)
    def change_parent(self, index, parent):
        contact = self.pick(self.contacts(("is_company", "=", False)), index)
        parent = (
            self.pick(self.contacts(("is_company", "=", True)), parent)
            if parent is not None
            else None
        )
        if contact:
            self.attempt(contact.write, {"parent_id": parent and parent.id})

    @precondition(lambda self: self.partners())
    @rule(index=INDEX, field=st.sampled_from(["customer_rank", "supplier_rank"]))
    def increase_rank(self, index, field):
        partner = self.pick(self.partners(), index)
        self.attempt(partner._increase_rank, field)

    @rule(
        company=st.sampled_from(["main", "other"]),
        fname=st.sampled_from(CODE_FIELDS),
        on=st.booleans(),
    )
    def toggle_code(self, company, fname, on):
        case = type(self).case
        relation = {
            "customer_business_relation_id": case.relation_customer,
            "vendor_business_relation_id": case.relation_vendor,
            "bank_account_business_relation_id": case.relation_bank,
        }[fname]
        self.attempt(self.company(company).write, {fname: on and relation.id})

    # ------------------------------------------------------------------ links
    @precondition(lambda self: self.contacts())
    @rule(
        index=INDEX,
        kind=KINDS,
        other=INDEX,
        master=st.booleans(),
    )
    def link(self, index, kind, other, master):
        contact = self.pick(self.contacts(), index)
        if kind == "bank_account":
            record = self.pick(self.records("res.partner.bank"), other)
        else:
            record = self.pick(self.partners(), other)
        if record:
            self.attempt(
                getattr(contact, f"link_{kind}"),
                record,
                master=kind if master else "contact",
            )

    @precondition(lambda self: self.contacts())
    @rule(index=INDEX, kind=KINDS, bic=st.sampled_from([None, "NDEAFIHH", "KREDBEBB"]))
    def create_from_contact(self, index, kind, bic):
        contact = self.pick(self.contacts(), index)
        if kind == "bank_account":
            self.attempt(contact.create_bank_account, self.next_number(), bic=bic)
        else:
            self.attempt(getattr(contact, f"create_{kind}"))

    @precondition(lambda self: self.records("res.partner"))
    @rule(
        indexes=st.lists(INDEX, min_size=1, max_size=4),
        accounts=st.booleans(),
        link_to=st.sampled_from([None, "customer", "vendor"]),
    )
    def create_contacts(self, indexes, accounts, link_to):
        if accounts:
            records = self.records("res.partner.bank")
            batch = self.env["res.partner.bank"]
            args = ()
        else:
            records = self.partners()
            batch = self.env["res.partner"]
            args = (link_to,)
        if records:
            batch = batch.union(*(self.pick(records, i) for i in indexes))
            self.attempt(batch.create_contacts, *args)

    # ------------------------------------------------------------------ deletes
    @precondition(lambda self: self.records("res.partner"))
    @rule(index=INDEX, contact=st.booleans())
    def delete_partner(self, index, contact):
        record = self.pick(self.contacts() if contact else self.partners(), index)
        if not record:
            return
        # Odoo deletes the bank accounts of a deleted holder
        accounts = record.with_context(active_test=False).bank_ids
        if self.attempt(record.unlink) is not None:
            self.deleted["res.partner"].add(record.id)
            self.deleted["res.partner.bank"].update(accounts.ids)

    @rule(index=INDEX, model=st.sampled_from(["res.partner.bank", "res.bank"]))
    def delete_bank_record(self, index, model):
        """Delete (Odoo: archive) a bank account, or delete a bank."""
        record = self.pick(self.records(model), index)
        if record and self.attempt(record.unlink) is not None:
            self.deleted[model].add(record.id)

    @precondition(lambda self: len(self.records("res.partner")) > 1)
    @rule(first=INDEX, second=INDEX, contacts=st.booleans())
    def merge(self, first, second, contacts):
        records = self.contacts() if contacts else self.partners()
        dst, src = self.pick(records, first), self.pick(records, second)
        if not dst or dst == src:
            return
        accounts = src.with_context(active_test=False).bank_ids
        wizard = self.env["base.partner.merge.automatic.wizard"].create(
            {
                "partner_ids": [(6, 0, (dst | src).ids)],
                "dst_partner_id": dst.id,
                "state": "selection",
            }
        )
        if self.attempt(wizard.action_merge) is not None:
            self.deleted["res.partner"].add(src.id)
            # Odoo merges the duplicate bank accounts of merged holders
            self.deleted["res.partner.bank"].update(accounts.ids)

    # ------------------------------------------------------------------ invariants
    @invariant()
    def invariants_hold(self):
        STATS["checks"] += 1
        problems = self.checker.violations(self.known, self.deleted)
        assert not problems, "\n".join(problems)
        self.known = self.checker.snapshot()
        self.deleted.clear()


def run_random_use(case):
    """Run the state machine in the test case ``case`` (a TestRandomUse)."""
    STATS.clear()
    SyncMachine.case = case
    SyncInvariants(case.env).assert_ok(case, msg="before the random use")
    run_state_machine_as_test(SyncMachine, settings=settings.get_profile(PROFILE))
    _logger.info(
        "random use (%s profile): %s examples, %s steps (%s done, %s refused: %s),"
        " %s invariant checks",
        PROFILE,
        STATS["examples"],
        STATS["steps"],
        STATS["done"],
        STATS["refused"],
        ", ".join(
            f"{k.split()[1]} {v}" for k, v in STATS.items() if k.startswith("refused ")
        ),
        STATS["checks"],
    )
    case.assertGreater(STATS["done"], STATS["examples"], "the steps do something")
