# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""What differs between the Odoo series the addon runs on, 18.0 and 19.0.

The one place that knows the series: models, wizards and tests import from here
rather than testing the version themselves. Each name says what it stands for on
both series; where 19.0 changed a name or a signature, the newer one is the model.
"""

from odoo import models, release
from odoo.tools import SQL, sql

SERIES = release.serie  # "18.0" or "19.0"
SINCE_19 = release.version_info[0] >= 19

if SINCE_19:
    from odoo.fields import Domain
    from odoo.orm.environments import Transaction
    from odoo.tools.constants import PREFETCH_MAX

    Constraint = models.Constraint
    Index = models.Index
    UniqueIndex = models.UniqueIndex

    def create_indexes(model):
        """19.0 makes the Index and UniqueIndex of the models itself."""
else:
    from odoo.api import Transaction
    from odoo.models import PREFETCH_MAX
    from odoo.osv import expression

    class Constraint:
        """A table constraint declared as on 19.0,
        ``_name_uniq = Constraint("unique(name)", "message")``: on 18.0 it becomes
        the entry ``("name_uniq", definition, message)`` of the class's own SQL
        constraints, 18.0's only declaration of them (its registry, its error
        messages and ir.model.constraint read that list), so the database
        constraint has the same name on both series. tests/test_series.py checks
        that every rule exists in the database of the running series."""

        def __init__(self, definition, message=""):
            self.definition = definition
            self.message = message

        def __set_name__(self, owner, name):
            attribute = "_sql_constraints"
            own = list(owner.__dict__.get(attribute, ()))
            own.append((name.lstrip("_"), self.definition, self.message))
            setattr(owner, attribute, own)

    class Index:
        """An index declared as on 19.0, ``_name_idx = Index("(a, b) WHERE c")``:
        on 18.0, which has no such declaration, the model's ``init()`` makes it with
        ``create_indexes()``, under the name 19.0 gives it (``<table>_<name>``)."""

        unique = False

        def __init__(self, definition):
            self.definition = definition

        def __set_name__(self, owner, name):
            own = list(owner.__dict__.get("_compat_indexes", ()))
            own.append((name.lstrip("_"), self))
            owner._compat_indexes = own

    class UniqueIndex(Index):
        """A unique index declared as on 19.0, ``_name_uniq = UniqueIndex("(a, b)
        WHERE c")``: made on 18.0 as an Index is."""

        unique = True

        def __init__(self, definition, message=""):
            super().__init__(definition)
            self.message = message

    def create_indexes(model):
        """The Index and UniqueIndex declared on ``model``'s classes, made when
        missing (18.0; call it from the model's ``init()``)."""
        for cls in type(model).mro():
            for name, index in cls.__dict__.get("_compat_indexes", ()):
                index_name = f"{model._table}_{name}"
                if not sql.index_exists(model.env.cr, index_name):
                    model.env.cr.execute(
                        SQL(
                            "CREATE %s INDEX %s ON %s %s",
                            SQL("UNIQUE") if index.unique else SQL(),
                            SQL.identifier(index_name),
                            SQL.identifier(model._table),
                            SQL(index.definition),
                        )
                    )


__all__ = [
    "ADDRESS_UPDATE",
    "DROPDOWN_SEARCHES",
    "PREFETCH_MAX",
    "SERIES",
    "SINCE_19",
    "USER_GROUPS",
    "Constraint",
    "Index",
    "Transaction",
    "UniqueIndex",
    "create_indexes",
    "domain_or",
    "name_search_with_domain",
    "notify_cron_progress",
    "usable_accounts_domain",
]

# ------------------------------------------------------------------ res.partner
#: the method Odoo calls to write a parent's / children's address past write()
ADDRESS_UPDATE = "_update_address" if SINCE_19 else "update_address"

#: the methods that answer a many2one dropdown (19.0's web client reads the
#: display names of the matches in web_name_search, past name_search)
DROPDOWN_SEARCHES = ("name_search", "web_name_search") if SINCE_19 else ("name_search",)

#: res.users' field of the groups a user is given
USER_GROUPS = "group_ids" if SINCE_19 else "groups_id"

#: the name of name_search()'s domain parameter
_NAME_SEARCH_DOMAIN = "domain" if SINCE_19 else "args"


def name_search_with_domain(args, kwargs, extra):
    """The positional and keyword arguments of a ``name_search(name, *args,
    **kwargs)`` call past ``name``, with the search domain extended by ``extra``
    (the domain is the first positional argument, or a keyword whose name
    depends on the series)."""
    if args:
        return ([*(args[0] or []), *extra], *args[1:]), kwargs
    domain = [*(kwargs.get(_NAME_SEARCH_DOMAIN) or []), *extra]
    return args, {**kwargs, _NAME_SEARCH_DOMAIN: domain}


# ------------------------------------------------------------------ domains
def domain_or(domains):
    """The union of ``domains``, as a value a search method may return."""
    if SINCE_19:
        return Domain.OR(domains)
    return expression.OR(domains)


def usable_accounts_domain(account_type):
    """The domain (as a string, for a field) of the accounts of ``account_type``
    one may still post on: 18.0 deprecates accounts, 19.0 archives them."""
    if SINCE_19:
        return f"[('account_type', '=', '{account_type}')]"
    return f"[('account_type', '=', '{account_type}'), ('deprecated', '=', False)]"


# ------------------------------------------------------------------ ir.cron
def notify_cron_progress(env, done, remaining):
    """Tell the running batched cron how much of its work is done and left. On
    19.0 this commits the chunk (as the cron would right after), and does nothing
    outside a cron run; 18.0 records the figures for the cron to read."""
    if SINCE_19:
        if env.context.get("ir_cron_progress_id"):
            env["ir.cron"]._commit_progress(done, remaining=remaining)
        return
    env["ir.cron"]._notify_progress(done=done, remaining=remaining)
