"""Au clavier, sur un téléphone (390 px), une fiche complète mène à son numéro de téléphone.

The real data has no phone number yet: the built page of the Ain gets the fake complete
entry of the fixtures (tests/annuaire/conftest.py, numbers from the ranges kept for fiction),
as in test_fiche_complete.py. From the top of the page, Tab after Tab: the skip link, the
header's two buttons, then the fiche up to its phone link; every stop on the way is on screen.
(The swapped content is not rewritten by the hooks: its heading cannot take the skip link's
focus, so the skip link is not followed here; tests/site/test_clavier.py covers it.)
"""
from __future__ import annotations

import pytest

from tests.helpers.clavier import TELEPHONE, Tabs, describe, tab_until

from .test_fiche_complete import document_complet, page_du_site_avec_la_fiche_complete  # noqa: F401 (fixture)

pytestmark = pytest.mark.navigateur


def test_du_haut_de_la_fiche_au_lien_du_telephone(site, browser, document_complet):  # noqa: F811
    chemin = page_du_site_avec_la_fiche_complete(site, document_complet)
    onglets = Tabs(browser, site)
    try:
        tab = onglets.open(chemin, viewport=TELEPHONE)
        arrets = tab_until(tab, lambda arret: (arret["href"] or "").startswith("tel:"), limit=15)
        assert [arret["name"] for arret in arrets[:3]] == ["Aller au contenu", "Menu", "Rechercher"], describe(arrets)
        assert all(arret["visible"] for arret in arrets), describe(arrets)
        assert arrets[-1]["href"] == "tel:+33465710000", describe(arrets)
    finally:
        onglets.close()
