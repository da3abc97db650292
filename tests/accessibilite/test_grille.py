"""The audit grid (data/accessibilite/audit.yaml): valid, complete, pointing at tests that
exist, computed as the RGAA says, and what the built statement and footer show."""
from __future__ import annotations

import ast
import datetime as dt
import re
from fractions import Fraction
from pathlib import Path

import pytest

from emploi_accompagne.accessibilite.grille import charger_audit, pourcentage
from emploi_accompagne.accessibilite.referentiel import Critere, Referentiel, charger_referentiel
from emploi_accompagne.annuaire.chargement import DonneesInvalides
from tests.helpers.html import normalize_space
from tests.helpers.moteurs import SCRIPTS

ROOT = Path(__file__).resolve().parents[2]


def test_les_106_criteres_du_rgaa_sont_dans_la_grille():
    referentiel = charger_referentiel()
    assert len(referentiel.criteres) == 106 and len(referentiel.thematiques()) == 13
    bilan = charger_audit()
    assert [r.critere.numero for r in bilan.criteres] == [c.numero for c in referentiel.criteres]


def _fonctions(fichier: Path) -> set[str]:
    arbre = ast.parse(fichier.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(arbre) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}


def test_chaque_test_nomme_par_la_grille_existe():
    """A criterion marked automatic names tests of the suite, or rules of the engines it runs:
    the grid cannot point at nothing."""
    absents = []
    for resultat in charger_audit().criteres:
        for reference in resultat.verification.automatique:
            quoi = f"{resultat.critere.numero}: {reference}"
            if "::" in reference:
                fichier, fonction = reference.split("::")
                chemin = ROOT / fichier
                if not chemin.is_file() or fonction not in _fonctions(chemin):
                    absents.append(quoi)
            elif reference != "nu":
                moteur, regle = reference.split(":", 1)
                source = SCRIPTS[moteur].read_text(encoding="utf-8")
                if not re.search(r"""["']""" + re.escape(regle) + r"""["']""", source) and regle not in source:
                    absents.append(quoi)
    assert not absents, "tests or rules named by data/accessibilite/audit.yaml that do not exist:\n" + "\n".join(absents)


def test_chaque_critere_automatique_a_un_test_de_la_suite_ou_dit_ce_qui_a_ete_regarde():
    for resultat in charger_audit().criteres:
        verification = resultat.verification
        assert verification.manuel or any("::" in r for r in verification.automatique), resultat.critere.numero


REFERENTIEL = Referentiel("RGAA 4.1.2", "source", "DINUM", "Licence Ouverte 2.0", tuple(
    Critere(n, "Images", f"Critère {n} ?") for n in ("1.1", "1.2", "1.3", "1.4")))

GRILLE = """\
referentiel: RGAA 4.1.2
date: 2026-12-04
auteur: audit interne réalisé par l'équipe du site
environnement: [Chromium]
outils: [axe-core]
tirage: aucune
echantillon:
  - {id: a, titre: A, adresse: /a/, raison: accueil}
  - {id: b, titre: B, adresse: /b/, raison: processus}
  - {id: c, titre: C, adresse: /c/, raison: processus}
processus:
  - {nom: P, pages: [b, c]}
criteres:
  "1.1": {resultats: {C: autres}, manuel: vu}
  "1.2": {resultats: {NC: [c], C: autres}, manuel: vu}
  "1.3": {resultats: {NA: autres}, manuel: vu}
  "1.4": {resultats: {C: [a], NA: autres}, automatique: [nu]}
non_conformites:
  - {criteres: ["1.2"], pages: [c], constat: x, correction: y, echeance: 2027-01-31}
"""


def _charger(tmp_path, texte: str):
    fichier = tmp_path / "audit.yaml"
    fichier.write_text(texte, encoding="utf-8")
    return charger_audit(fichier, REFERENTIEL)


def test_le_taux_est_les_criteres_respectes_sur_les_criteres_applicables(tmp_path):
    bilan = _charger(tmp_path, GRILLE)
    assert [r.global_ for r in bilan.criteres] == ["C", "NC", "NA", "C"]
    assert bilan.taux == Fraction(2, 3) and pourcentage(bilan.taux) == "66,7\u202f%"
    assert bilan.etat == "partiellement conforme"
    # the process rule: 1.2 is not met on b either, though b itself was checked conforme
    assert bilan.resultats_de_la_page("b")["1.2"] == "NC" and bilan.resultats_de_la_page("a")["1.2"] == "C"
    assert bilan.taux_de_la_page("a") == 1 and bilan.taux_de_la_page("b") == Fraction(1, 2)


@pytest.mark.parametrize(("remplace", "etat"), [
    ({'NC: [c], C: autres': "C: autres", "non_conformites:": "non_conformites: []\nx:"}, "totalement conforme"),
    ({'"1.1": {resultats: {C: autres}': '"1.1": {resultats: {NC: [a], C: autres}', '"1.4": {resultats: {C: [a], NA: autres}': '"1.4": {resultats: {NC: [a], NA: autres}',  # noqa: E501
      "pages: [c], constat": "pages: [c], constat: z, correction: z, echeance: 2027-01-31}\n  - {criteres: ['1.1', '1.4'], pages: [a], constat"}, "non conforme"),  # noqa: E501
])
def test_l_etat_suit_les_seuils_du_rgaa(tmp_path, remplace, etat):
    texte = GRILLE
    for avant, apres in remplace.items():
        texte = texte.replace(avant, apres)
    texte = texte.replace("\nx:\n  - {criteres: [\"1.2\"], pages: [c], constat: x, correction: y, echeance: 2027-01-31}", "")
    assert _charger(tmp_path, texte).etat == etat


def test_une_non_conformite_sans_plan_est_refusee_a_sa_ligne(tmp_path):
    texte = GRILLE.replace('  - {criteres: ["1.2"], pages: [c], constat: x, correction: y, echeance: 2027-01-31}\n', "").replace("non_conformites:\n", "non_conformites: []\n")  # noqa: E501
    with pytest.raises(DonneesInvalides) as erreur:
        _charger(tmp_path, texte)
    assert "audit.yaml:15:23: [critère 1.2] resultats.NC:" in str(erreur.value), str(erreur.value)
    assert "sans non-conformité listée" in str(erreur.value)


def test_les_erreurs_de_la_grille_sont_en_francais_et_situees(tmp_path):
    texte = GRILLE.replace("{NA: autres}, manuel: vu}", "{NA: [a, z]}}").replace("date: 2026-12-04", "date: 4 décembre")
    with pytest.raises(DonneesInvalides) as erreur:
        _charger(tmp_path, texte)
    lignes = str(erreur.value).splitlines()
    assert len(lignes) == 1 and lignes[0].endswith("audit.yaml:2:7: [grille] date: date à écrire au format AAAA-MM-JJ, par exemple 2026-11-23"), lignes
    texte = GRILLE.replace("{NA: autres}, manuel: vu}", "{NA: [a, z]}}")
    with pytest.raises(DonneesInvalides) as erreur:
        _charger(tmp_path, texte)
    message = str(erreur.value)
    assert "audit.yaml:16:" in message and "page « z » absente de l'échantillon" in message
    assert "sans résultat pour b, c" in message and "dire comment le critère a été vérifié" in message


def test_un_critere_oublie_est_nomme(tmp_path):
    with pytest.raises(DonneesInvalides, match=r"1 critère\(s\) sans résultat : 1\.3"):
        _charger(tmp_path, GRILLE.replace('  "1.3": {resultats: {NA: autres}, manuel: vu}\n', ""))


def test_la_declaration_et_le_pied_de_page_disent_l_etat_calcule(parsed_site):
    bilan = charger_audit()
    declaration = parsed_site["/accessibilite/"].text
    assert f"est {bilan.etat} avec le RGAA" in declaration
    assert normalize_space(pourcentage(bilan.taux)) in declaration and "Défenseur des droits" in declaration
    assert "Schéma pluriannuel" in declaration and bilan.grille.date.year == dt.date.fromisoformat(str(bilan.grille.date)).year
    for nc in bilan.grille.non_conformites:
        assert normalize_space(nc.constat) in declaration
    liens = {a.get("href") for a in parsed_site["/accessibilite/"].soup.select("article a")}
    assert {"grille/", "audit-rgaa.yaml"} <= liens, liens
    grille = parsed_site["/accessibilite/grille/"]
    assert len(grille.soup.select("tr[id^=critere-]")) == 106
