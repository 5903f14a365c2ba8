# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The kinds of links between a contact and the records it is synchronized with.

This is the one registry of link kinds: the models, wizards and settings of the addon
read what a kind is from here (``LINK_KINDS[link_to]``), never from a chain of
``if link_to == ...``. Adding a kind is one entry below plus its hooks (see README,
"Extending it").
"""

from dataclasses import dataclass, field

# res.partner fields a contact shares with its customer and its vendor
_PARTNER_FIELDS = (
    "name",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "country_id",
    "phone",
    "mobile",  # 18.0 only: installed where the series has it
    "email",
    "website",
    "lang",
    "vat",
    "company_registry",
    "user_id",
    "image_1920",
)


@dataclass(frozen=True)
class LinkKind:
    """One kind of link (a value of ``contact.business.relation.link_to``)."""

    # value of link_to, and its label (translated through the link_to selection)
    key: str
    label: str
    # model of the linked record, and the field of contact.business.relation (and of
    # the link wizard) that holds it
    model: str
    link_field: str
    # res.company field holding the business relation code of the kind
    relation_field: str
    # public methods of a contact: link with an existing record / create one
    link_method: str
    create_method: str
    # where the synchronized data of a linked record lives: the record itself
    # (data_path None) or the record it reaches through data_path (a bank account's
    # bank), of model data_model
    data_model: str
    data_path: str | None = None
    # default synchronized fields {contact field: field of data_model}
    sync_fields: dict = field(default_factory=dict)
    # res.partner rank that makes a partner a record of this kind, and the
    # res_partner_search_mode of Odoo's partner fields (documents) for it
    rank_field: str | None = None
    search_mode: str | None = None
    # res.company field of the default template of records made from contacts
    template_field: str | None = None
    # model of the documents (quotations, RFQs) made for a contact of this kind
    document_model: str | None = None
    # only company contacts hold links of this kind (a person has no bank)
    company_contacts_only: bool = False
    # a contact may hold several links of this kind, all to records sharing their
    # data record (the company's accounts at one bank: one contact per bank)
    several_per_contact: bool = False


CUSTOMER = LinkKind(
    key="customer",
    label="Customer",
    model="res.partner",
    link_field="partner_id",
    relation_field="customer_business_relation_id",
    link_method="link_customer",
    create_method="create_customer",
    data_model="res.partner",
    sync_fields={fname: fname for fname in _PARTNER_FIELDS},
    rank_field="customer_rank",
    search_mode="customer",
    template_field="default_customer_template_id",
    document_model="sale.order",
)
VENDOR = LinkKind(
    key="vendor",
    label="Vendor",
    model="res.partner",
    link_field="partner_id",
    relation_field="vendor_business_relation_id",
    link_method="link_vendor",
    create_method="create_vendor",
    data_model="res.partner",
    # the purchaser stays each side's own
    sync_fields={fname: fname for fname in _PARTNER_FIELDS if fname != "user_id"},
    rank_field="supplier_rank",
    search_mode="supplier",
    template_field="default_vendor_template_id",
    document_model="purchase.order",
)
BANK_ACCOUNT = LinkKind(
    key="bank_account",
    label="Bank Account",
    model="res.partner.bank",
    link_field="bank_account_id",
    relation_field="bank_account_business_relation_id",
    link_method="link_bank_account",
    create_method="create_bank_account",
    # the contact stands for the bank of the account
    data_model="res.bank",
    data_path="bank_id",
    company_contacts_only=True,
    several_per_contact=True,
    sync_fields={
        "name": "name",
        "street": "street",
        "street2": "street2",
        "zip": "zip",
        "city": "city",
        "state_id": "state",
        "country_id": "country",
        "phone": "phone",
        "email": "email",
    },
)

LINK_KINDS = {kind.key: kind for kind in (CUSTOMER, VENDOR, BANK_ACCOUNT)}
LINK_TO_SELECTION = [(kind.key, kind.label) for kind in LINK_KINDS.values()]
# the kinds whose linked records are partners (customers, vendors)
PARTNER_KINDS = tuple(k.key for k in LINK_KINDS.values() if k.model == "res.partner")
# the values of res.partner.contact_business_relation (stored, indexed) of a contact
# linked to a customer or vendor: "multiple" is several kinds, one of them a customer
# or vendor while bank accounts are the one kind of another model
PARTNER_LINKED_RELATIONS = (*PARTNER_KINDS, "multiple")
assert len(LINK_KINDS.keys() - set(PARTNER_KINDS)) <= 1, "see PARTNER_LINKED_RELATIONS"
# the kinds a customer / vendor template is made for
TEMPLATE_KINDS = tuple(k.key for k in LINK_KINDS.values() if k.template_field)
# the linked models, in the order their records are locked (see
# contact.partner.sync._lock): customers / vendors before bank accounts
LINKED_MODELS = tuple(dict.fromkeys(kind.model for kind in LINK_KINDS.values()))
# the link fields of contact.business.relation, one per linked model, in that order
LINK_FIELDS = tuple(dict.fromkeys(kind.link_field for kind in LINK_KINDS.values()))
# {link_to: position in LINK_FIELDS of the field holding its linked record}
LINK_FIELD_INDEX = {
    key: LINK_FIELDS.index(kind.link_field) for key, kind in LINK_KINDS.items()
}


def link_target_check():
    """The CHECK of contact.business.relation: a link of a kind holds its linked
    record in its kind's link field and in no other one; a plain business relation
    (no link_to) holds none."""
    return " AND ".join(
        "(COALESCE(link_to, '') IN (%s)) = (%s IS NOT NULL)"
        % (
            ", ".join(
                f"'{kind.key}'"
                for kind in LINK_KINDS.values()
                if kind.link_field == fname
            ),
            fname,
        )
        for fname in LINK_FIELDS
    )


def single_kinds_sql():
    """SQL condition on ``link_to``: a kind a contact holds one link of at most (and
    plain business relations, without link_to): the partial unique indexes of
    contact.business.relation."""
    several = ", ".join(
        f"'{kind.key}'" for kind in LINK_KINDS.values() if kind.several_per_contact
    )
    return f"COALESCE(link_to, '') NOT IN ({several})" if several else "TRUE"


def kinds_of_model(model):
    """The link kinds whose linked records are of ``model``."""
    return [kind for kind in LINK_KINDS.values() if kind.model == model]


def kind_of_rank(rank_field):
    """The link kind a partner gets by its ``rank_field`` (None for other fields)."""
    return next((k for k in LINK_KINDS.values() if k.rank_field == rank_field), None)


def kind_of_search_mode(search_mode):
    """The link kind of a partner field searched in ``search_mode`` (or None)."""
    return next((k for k in LINK_KINDS.values() if k.search_mode == search_mode), None)
