"""Au clavier, sur un téléphone (390 px), une fiche complète mène à son numéro de téléphone.

The real data has no phone number yet: the Ain page of the specimen site (tests/helpers/site.py,
built with the complete fiche of tests/helpers/fiche_complete.py, numbers from the ranges kept
for fiction) shows one. From the top of the page, Tab after Tab: the skip link, the header's
two buttons, then the fiche up to its phone link; every stop on the way is on screen.
"""
from __future__ import annotations

import pytest

from tests.helpers.clavier import TELEPHONE, Tabs, describe, tab_until
from tests.helpers.site import specimen_under_test
from tests.helpers.types_de_page import SPECIMEN_PAGE

pytestmark = pytest.mark.navigateur


def test_du_haut_de_la_fiche_au_lien_du_telephone(site, browser):
    onglets = Tabs(browser, specimen_under_test())
    try:
        tab = onglets.open(SPECIMEN_PAGE, viewport=TELEPHONE)
        arrets = tab_until(tab, lambda arret: (arret["href"] or "").startswith("tel:"), limit=15)
        assert [arret["name"] for arret in arrets[:3]] == ["Aller au contenu", "Menu", "Rechercher"], describe(arrets)
        assert all(arret["visible"] for arret in arrets), describe(arrets)
        assert arrets[-1]["href"] == "tel:+33465710000", describe(arrets)
    finally:
        onglets.close()
