"""Spécification : ce qu'un responsable confirme est ce qu'il a vu. GitHub n'affiche ni les
commentaires HTML, ni les définitions de liens, ni ce qu'une balise cache : une proposition qui
en contient est refusée (code 1), où qu'ils soient, avec une ligne en français par passage et
l'explication ; le texte avant la première rubrique aussi. Rien n'est écrit, et la valeur cachée
n'est jamais recopiée dans la réponse.

Les textes hostiles viennent du rapport de sécurité (`../shared/revues/6-securite.md`,
constat 1) : `fixtures/cache-commentaire.md` est sa proposition à commentaire caché."""
from pathlib import Path

import pytest

from emploi_accompagne.annuaire.proposition import EXPLICATION_TEXTE_INVISIBLE, PropositionRefusee, lire_blocs

from .conftest import proposition

FIXTURES = Path(__file__).parent / "fixtures"
SOURCE = "https://www.exemple.fr/emploi-accompagne"
BASE = {"departement": "29", "nom": "Plateforme du Finistère", "telephone": "02 98 00 00 00", "source": SOURCE}


def refusee(sortie, *lignes_attendues: str) -> list[str]:
    assert sortie.code == 1, sortie.stdout
    assert sortie.inchange and sortie.stdout == ""
    assert EXPLICATION_TEXTE_INVISIBLE in sortie.stderr
    assert sortie.stderr.rstrip().splitlines()[-1].startswith("Proposition refusée : rien n'a été modifié")
    problemes = sortie.stderr.split("\n\n")[0].splitlines()
    for attendue in lignes_attendues:
        assert any(p.startswith(attendue) for p in problemes), sortie.stderr
    return problemes


def test_la_proposition_cachee_dans_un_commentaire_html_est_refusee_sans_rien_confirmer(lancer):
    """Le rapport : GitHub montre « 02 98 00 00 00 », le commentaire cache un 08 99 et un autre e-mail."""
    corps = (FIXTURES / "cache-commentaire.md").read_text(encoding="utf-8")
    for options in ([], ["--confirmation", "appel au numéro publié par l'ARS", "--empreinte", "3f9a1c2b"]):
        sortie = lancer(corps, "--date", "2026-11-30", *options)
        problemes = refusee(
            sortie,
            "Texte avant la première rubrique (ligne 1) : la proposition commence par « ### Département »",
            "Commentaire HTML (ligne 2) : « <!-- » ou « --> » ; GitHub n'affiche pas ce qu'un commentaire contient",
            "Commentaire HTML (ligne 14)",
        )
        assert len(problemes) == 3
        for cache in ("08 99", "0899", "plateforme29-rdv", "+33899"):
            assert cache not in sortie.stderr


def test_une_source_cachee_dans_une_definition_de_lien_est_refusee(lancer):
    """Le rapport : « [s]: https://… » n'apparaît pas sur GitHub, mais le robot la prenait pour la source."""
    sortie = lancer((FIXTURES / "cache-definition-de-lien.md").read_text(encoding="utf-8"), "--date", "2026-11-30")
    [probleme] = refusee(sortie, "Définition de lien (ligne 16) : une ligne « [nom]: adresse » n'apparaît pas sur GitHub")
    assert "evil" not in sortie.stderr


def test_une_balise_ouverte_dans_la_rubrique_privee_ne_peut_pas_cacher_la_suite(lancer):
    """`<details>` jamais fermé, dans la rubrique qui n'est pas relue : tout ce qui suit serait replié."""
    sortie = lancer((FIXTURES / "cache-balise-non-fermee.md").read_text(encoding="utf-8"), "--date", "2026-11-30")
    refusee(sortie, "Balise HTML (ligne 11) : elle peut cacher du texte sur GitHub")
    assert "rdv" not in sortie.stderr


@pytest.mark.parametrize(
    "cache, debut",
    [
        ("> [s]: https://evil.example/page", "Définition de lien"),
        ("- [s]: https://evil.example/page", "Définition de lien"),
        ("   [Source officielle]:   <https://evil.example/page>", "Définition de lien"),
        ("[^1]: une note", "Définition de lien"),
        ("Merci --> à bientôt", "Commentaire HTML"),
        ("<!-- ### Téléphone -->", "Commentaire HTML"),
    ],
)
def test_chaque_forme_de_texte_invisible_est_refusee_ou_qu_elle_soit(lancer, cache, debut):
    for rubrique in ("remarques", "source", "nom"):
        valeurs = {**BASE, rubrique: (BASE.get(rubrique, "Merci") + "\n" + cache)}
        corps = proposition(valeurs)
        ligne = corps.splitlines().index(cache) + 1
        sortie = lancer(corps, "--date", "2026-11-30")
        refusee(sortie, f"{debut} (ligne {ligne})")
        assert "evil" not in sortie.stderr


@pytest.mark.parametrize("balise", ["<details>", "<style>", "</div>", "<DIV hidden>", "<br/>", "<?php", "<!DOCTYPE html>"])
def test_une_balise_dans_la_rubrique_privee_est_refusee(lancer, balise):
    corps = proposition(BASE) + f"### Pour vous recontacter (facultatif)\n\n{balise}\n"
    ligne = corps.splitlines().index(balise) + 1
    refusee(lancer(corps), f"Balise HTML (ligne {ligne})")


def test_le_texte_avant_la_premiere_rubrique_est_refuse(lancer):
    corps = "Bonjour, voici la fiche.\n\nMerci de la publier.\n\n" + proposition(BASE)
    problemes = refusee(lancer(corps), "Texte avant la première rubrique (ligne 1)")
    assert len(problemes) == 1
    # A heading the form does not write counts as text.
    refusee(lancer("### Titre libre\n\n" + proposition(BASE)), "Texte avant la première rubrique (ligne 1)")


def test_sans_aucune_rubrique_le_texte_invisible_est_signale_aussi(lancer):
    sortie = lancer("<!-- rien -->\n")
    assert sortie.code == 1 and "Commentaire HTML (ligne 1)" in sortie.stderr and "Aucune rubrique" in sortie.stderr


@pytest.mark.parametrize(
    "corps",
    [
        proposition(BASE),
        "\n\n  \n" + proposition(BASE),  # blank lines before the first heading
        proposition(BASE) + "### Pour vous recontacter (facultatif)\n\nPrénom Nom <prenom.nom@exemple.org>\n",
        proposition({**BASE, "remarques": "[Plateforme] {29} : 3 < 5 et 5 > 3, a -> b"}),
        proposition(BASE) + "\n-- \nPrénom Nom\n<https://www.exemple.org>\n<!-- signature HTML -->\n",
    ],
    ids=["formulaire", "lignes-vides", "adresse-entre-chevrons", "ponctuation", "apres-la-signature"],
)
def test_ce_que_github_affiche_passe(corps):
    assert lire_blocs(corps)["telephone"].valeur == "02 98 00 00 00"


def test_le_refus_explique_pourquoi_sans_recopier_le_texte_cache():
    with pytest.raises(PropositionRefusee) as refus:
        lire_blocs(proposition(BASE) + "<!--\n### Téléphone\n\n08 99 12 34 56\n-->\n")
    assert refus.value.explication == EXPLICATION_TEXTE_INVISIBLE
    assert "08 99" not in " ".join(refus.value.problemes)
