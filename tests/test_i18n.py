# Copyright 2026 contact_partner_sync contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

# language: (Contact No., Business Relation, "Create as", Relationship Management,
#            the selection value "Bank Account", a word of the missing code error)
EXPECTED = {
    "fi_FI": (
        "Kontaktin nro",
        "Liikesuhde",
        "Luo kontaktista",
        "Kontaktienhallinta",
        "Pankkitili",
        "liikesuhdekoodia",
    ),
    "sv_SE": (
        "Kontaktnr",
        "Affärsrelation",
        "Skapa som",
        "Relationshantering",
        "Bankkonto",
        "affärsrelationskod",
    ),
    "ru_RU": (
        "№ контакта",
        "Деловое отношение",
        "Создать как",
        "Управление отношениями",
        "Банковский счет",
        "код делового отношения",
    ),
    "it_IT": (
        "N. contatto",
        "Relazione d'affari",
        "Crea come",
        "Gestione relazioni",
        "Conto corrente bancario",
        "codice relazione d'affari",
    ),
}


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    """The seed languages show the contact screens translated."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in EXPECTED:
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"]._load_module_terms(
            ["contact_partner_sync"], list(EXPECTED), overwrite=True
        )

    def test_contact_form_translated(self):
        for code, (
            number,
            relation,
            create_as,
            block,
            bank,
            _error,
        ) in EXPECTED.items():
            with self.subTest(lang=code):
                Partner = self.env["res.partner"].with_context(lang=code)
                fields = Partner.fields_get(
                    ["contact_no", "contact_business_relation"],
                    ["string", "selection"],
                )
                self.assertEqual(fields["contact_no"]["string"], number)
                self.assertIn(
                    ("bank_account", bank),
                    fields["contact_business_relation"]["selection"],
                )
                arch = etree.fromstring(
                    Partner.get_views([(False, "form")])["views"]["form"]["arch"]
                )
                self.assertEqual(
                    arch.xpath("//field[@name='contact_business_relation']/@string"),
                    [relation],
                )
                self.assertIn(create_as, arch.xpath("//header/button/@string"))
                self.assertNotIn("Create as", arch.xpath("//header/button/@string"))
                settings = self.env["res.config.settings"].with_context(lang=code)
                settings_arch = settings.get_views([(False, "form")])["views"]["form"]
                self.assertIn(block, settings_arch["arch"])

    def test_errors_translated(self):
        company = self.env.company
        company.customer_business_relation_id = False
        contact = self.env["res.partner"].create(
            {"name": "Nordic Oy", "is_contact": True, "is_company": True}
        )
        for code, expected in EXPECTED.items():
            with self.subTest(lang=code), self.assertRaises(UserError) as caught:
                contact.with_context(lang=code).create_customer()
            self.assertIn(expected[5], str(caught.exception))
