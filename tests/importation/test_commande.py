"""Spécification de la commande `python -m emploi_accompagne import` : elle écrit seulement
les fiches qu'elle change, ne touche pas au reste du fichier, relit le résultat avant de
l'écrire, n'écrit rien en cas de problème, et `--dry-run` montre le diff sans rien écrire."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys

import pytest

from emploi_accompagne import referentiel
from emploi_accompagne.__main__ import main
from emploi_accompagne.annuaire import ecriture, exports
from emploi_accompagne.annuaire.chargement import charger_plateformes
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS

from .conftest import CONFIRMATION, FIXTURES, SOURCE

DATE = "2026-06-01"
AUJOURD_HUI = dt.date.today()


def importer(capsys, liste, donnees, *options, source=SOURCE, date=DATE):
    arguments = ["import", str(liste), "--source", source, "--donnees", str(donnees), *options]
    if date:
        arguments += ["--date", date]
    code = main(arguments)
    sortie = capsys.readouterr()
    return code, sortie.out, sortie.err


def annuaire_vide(date_maj: str = "2026-01-15") -> str:
    """101 blank fiches laid out as data/plateformes.yaml is (the real file will fill up)."""
    blocs = [
        f'- departement: "{code}"\n  statut_verification: a-completer\n  date_maj: {date_maj}\n  nom:\n'
        "  telephone:\n  courriel:\n  site_web:\n  adresse:\n  code_postal:\n  commune:\n  lien_source:\n"
        for code in CODES_DEPARTEMENTS
    ]
    return "# Annuaire fictif des tests d'import.\n\n" + "\n".join(blocs)


def liste_synthetique() -> str:
    """One fictitious row per département, with the export's columns, as a spreadsheet saves it."""
    tampon = io.StringIO()
    colonnes = ["departement", "departement_nom", "nom", "telephone", "courriel", "site_web",
                "horaires_accueil", "structure_gestionnaire", "sites"]
    ecrivain = csv.DictWriter(tampon, colonnes, delimiter=";", lineterminator="\r\n")
    ecrivain.writeheader()
    for numero, code in enumerate(CODES_DEPARTEMENTS):
        ecrivain.writerow({
            "departement": code.lstrip("0"),  # as a spreadsheet shows "01"
            "departement_nom": referentiel.departement(code).nom,
            "nom": f"Plateforme fictive {code}",
            "telephone": f"+33 1 99 00 {numero // 100:02d} {numero % 100:02d}",
            "courriel": f"contact-{code.lower()}@example.org",
            "site_web": f"https://example.org/plateformes/{code.lower()}",
            "horaires_accueil": "Mo-Fr 09:00-12:00",
            "structure_gestionnaire": f"Association fictive {code}",
            "sites": f"Antenne fictive {code} A | Antenne fictive {code} B",
        })
    return exports.BOM + tampon.getvalue()


@pytest.fixture
def annuaire(tmp_path):
    chemin = tmp_path / "plateformes.yaml"
    chemin.write_text(annuaire_vide(), encoding="utf-8")
    return chemin


def ecrire(tmp_path, nom: str, texte: str):
    chemin = tmp_path / nom
    chemin.write_bytes(texte.encode("utf-8"))
    return chemin


# --- Round trip ------------------------------------------------------------------------------------


def test_importer_l_export_csv_des_donnees_actuelles_ne_change_aucun_octet(tmp_path, capsys, copie_des_donnees):
    avant = copie_des_donnees.read_bytes()
    liste = ecrire(tmp_path, "plateformes.csv", exports.plateformes_csv(charger_plateformes(copie_des_donnees)))
    code, sortie, erreurs = importer(capsys, liste, copie_des_donnees, date=AUJOURD_HUI.isoformat())
    assert (code, erreurs) == (0, "")
    assert copie_des_donnees.read_bytes() == avant
    assert "Total : 101 départements dans la liste, 0 fiche modifiée ; 0 ajouté, 0 modifié, 0 conflit, 0 ignoré (" in sortie


@pytest.mark.parametrize("fichier", ["plateformes.csv", "data-inclusion/structures.json", "data-inclusion/services.json"])
def test_chaque_export_d_une_fiche_complete_se_reimporte_sans_rien_changer(
    tmp_path, capsys, yaml_avec_une_fiche_complete, fichier
):
    donnees = ecrire(tmp_path, "plateformes.yaml", yaml_avec_une_fiche_complete)
    export = exports.fichiers_exports(charger_plateformes(donnees), "https://exemple.test/")[f"donnees/{fichier}"]
    liste = ecrire(tmp_path, fichier.replace("/", "-"), export)
    code, sortie, _ = importer(capsys, liste, donnees, date=AUJOURD_HUI.isoformat())
    assert code == 0 and "Rien à changer" in sortie
    assert donnees.read_text(encoding="utf-8") == yaml_avec_une_fiche_complete


# --- A whole list in one import -------------------------------------------------------------------------


def test_une_liste_de_101_lignes_remplit_tout_l_annuaire_en_un_import(tmp_path, capsys, annuaire):
    liste = ecrire(tmp_path, "liste.csv", liste_synthetique())
    code, sortie, erreurs = importer(capsys, liste, annuaire)
    assert (code, erreurs) == (0, "")
    plateformes = charger_plateformes(annuaire)
    assert [p.departement for p in plateformes] == list(CODES_DEPARTEMENTS)
    for numero, fiche in enumerate(plateformes):
        assert fiche.nom == f"Plateforme fictive {fiche.departement}"
        assert fiche.telephone == f"+3319900{numero // 100:02d}{numero % 100:02d}"
        assert fiche.structure_gestionnaire.nom == f"Association fictive {fiche.departement}"
        assert [s.nom for s in fiche.sites] == [f"Antenne fictive {fiche.departement} A", f"Antenne fictive {fiche.departement} B"]
        assert (fiche.lien_source, fiche.date_maj.isoformat(), fiche.statut_verification.value) == (
            SOURCE, DATE, "source-publique"
        )
    rapport = sortie.splitlines()
    assert rapport[0] == "01 Ain : 7 ajoutés, 0 modifié, 0 conflit, 0 ignoré (0 déjà à jour)"
    assert rapport[-2] == "Total : 101 départements dans la liste, 101 fiches modifiées ; 707 ajoutés, 0 modifié, 0 conflit, 0 ignoré (0 déjà à jour)."
    assert len(rapport) == 103

    # Importing the same list again changes nothing.
    apres = annuaire.read_bytes()
    assert importer(capsys, liste, annuaire)[0] == 0
    assert annuaire.read_bytes() == apres


def test_seules_les_fiches_changees_sont_reecrites(tmp_path, capsys, annuaire):
    avant = annuaire.read_text(encoding="utf-8")
    liste = ecrire(tmp_path, "liste.csv", "departement,telephone\n29,01 99 00 00 00\n")
    importer(capsys, liste, annuaire)
    apres = annuaire.read_text(encoding="utf-8")
    debut, fin = ecriture.etendue_fiche(avant, "29")
    nouveau_debut, nouvelle_fin = ecriture.etendue_fiche(apres, "29")
    assert apres[:nouveau_debut] == avant[:debut] and apres[nouvelle_fin:] == avant[fin:]
    assert apres[nouveau_debut:nouvelle_fin] == (
        '- departement: "29"\n  statut_verification: source-publique\n  date_maj: 2026-06-01\n  nom:\n'
        '  telephone: "+33199000000"\n  courriel:\n  site_web:\n  adresse:\n  code_postal:\n  commune:\n'
        f"  lien_source: {SOURCE}"
    )


def test_des_valeurs_en_syntaxe_yaml_sont_ecrites_comme_du_texte(tmp_path, capsys, annuaire):
    pieges = {
        "01": "Plateforme: {fictive} # pas un commentaire",
        "02": "&ancre *alias",
        "03": "!!python/object:os.system",
        "04": "'- pas une liste",  # the quote a spreadsheet export puts before a leading "-"
        "05": "yes",
        "06": '"guillemets" et \'apostrophes\'',
        "07": "@fictive",
    }
    pieges["07"] = "'" + pieges["07"]
    texte = "departement,nom\n" + "".join(f'{code},"{nom.replace(chr(34), chr(34) * 2)}"\n' for code, nom in pieges.items())
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", texte), annuaire)
    assert (code, erreurs) == (0, "")
    relues = {p.departement: p.nom for p in charger_plateformes(annuaire)}
    attendus = {code: nom.removeprefix("'") for code, nom in pieges.items()}
    assert {code: relues[code] for code in pieges} == attendus


# --- Dry run and report ------------------------------------------------------------------------------


def test_dry_run_affiche_le_diff_unifie_et_n_ecrit_rien(tmp_path, capsys, annuaire):
    avant = annuaire.read_bytes()
    liste = ecrire(tmp_path, "liste.csv", "departement,nom,telephone\n29,Plateforme fictive,01 99 00 00 00\n")
    code, sortie, _ = importer(capsys, liste, annuaire, "--dry-run")
    assert code == 0 and annuaire.read_bytes() == avant
    diff, rapport = sortie.split("29 Finistère :")
    chemin = str(annuaire).lstrip("/")
    assert diff.startswith(f"--- a/{chemin}\n+++ b/{chemin}\n@@ ")
    assert "\n-  nom:\n" in diff and "\n+  nom: Plateforme fictive\n" in diff
    assert '+  telephone: "+33199000000"\n' in diff
    assert "   courriel:\n" in diff  # unchanged lines are context, not removed and added again
    assert rapport.endswith("Essai (--dry-run) : rien n'a été écrit.\n")

    # The diff is a real patch: applied to the file, it gives what the import writes.
    patch = tmp_path / "import.diff"
    patch.write_text(diff, encoding="utf-8")
    copie = tmp_path / "copie"
    (copie / chemin).parent.mkdir(parents=True)
    (copie / chemin).write_bytes(avant)
    subprocess.run(["patch", "-s", "-p1", "-i", str(patch)], cwd=copie, check=True)
    importer(capsys, liste, annuaire)
    assert (copie / chemin).read_bytes() == annuaire.read_bytes()


def test_chaque_conflit_est_rapporte_avec_les_deux_valeurs(tmp_path, capsys, annuaire):
    texte = annuaire.read_text(encoding="utf-8")
    texte = ecriture.remplacer_fiche(texte, "29", {
        "statut_verification": "confirme", "telephone": "01 99 00 00 00", "lien_source": "https://example.org/plateforme-29",
        "confirmation": CONFIRMATION,
    })
    texte = ecriture.remplacer_fiche(texte, "56", {
        "date_maj": dt.date(2026, 9, 1), "nom": "Nom vérifié", "lien_source": "https://example.org/plateforme-56",
    })
    annuaire.write_text(texte, encoding="utf-8")
    liste = ecrire(tmp_path, "liste.csv", "departement,nom,telephone\n29,,01 99 00 00 01\n56,Autre nom,01 99 00 00 02\n22,Plateforme fictive,\n")
    code, sortie, _ = importer(capsys, liste, annuaire)
    assert code == 0
    assert sortie.splitlines() == [
        "22 Côtes-d'Armor : 1 ajouté, 0 modifié, 0 conflit, 0 ignoré (0 déjà à jour)",
        "29 Finistère : 0 ajouté, 0 modifié, 1 conflit, 0 ignoré (0 déjà à jour)",
        f"  conflit 29 telephone : {annuaire} « 01 99 00 00 00 », liste « 01 99 00 00 01 » (fiche confirmée par la plateforme)",
        "56 Morbihan : 0 ajouté, 0 modifié, 1 conflit, 1 ignoré (0 déjà à jour)",
        (f"  conflit 56 nom : {annuaire} « Nom vérifié », liste « Autre nom » "
        "(fiche vérifiée le 2026-09-01, pas avant la liste)"),
        "  ignoré 56 telephone : fiche vérifiée le 2026-09-01 sur sa source, après la date de la liste",
        "Total : 3 départements dans la liste, 1 fiche modifiée ; 1 ajouté, 0 modifié, 2 conflits, 1 ignoré (0 déjà à jour).",
        f"{annuaire} mis à jour : relire le changement (git diff), puis ouvrir une pull request.",
    ]
    fiches = {p.departement: p for p in charger_plateformes(annuaire)}
    assert fiches["29"].telephone == "+33199000000" and fiches["56"].nom == "Nom vérifié"


# --- Nothing written on any problem ----------------------------------------------------------------


def test_une_seule_cellule_invalide_annule_tout_l_import(tmp_path, capsys, annuaire):
    avant = annuaire.read_bytes()
    texte = liste_synthetique().replace("contact-56@example.org", "contact-56@")
    code, sortie, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", texte), annuaire)
    assert code == 1 and sortie == "" and annuaire.read_bytes() == avant
    premiere, derniere = erreurs.splitlines()
    ligne_56 = CODES_DEPARTEMENTS.index("56") + 2
    assert re.fullmatch(rf".*liste\.csv:{ligne_56}:5: \[département 56\] courriel: adresse e-mail invalide.*", premiere)
    assert derniere == "Import annulé : 1 problème ; rien n'a été écrit."


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"source": "http://example.org/liste"}, "--source : adresse web à écrire en https://"),
        ({"source": "liste de l'ARS"}, "--source : adresse web invalide"),
        ({"date": "01/06/2026"}, "--date : « 01/06/2026 » n'est pas une date AAAA-MM-JJ"),
        ({"date": (AUJOURD_HUI + dt.timedelta(days=1)).isoformat()}, "est dans le futur"),
    ],
)
def test_une_source_ou_une_date_invalide_est_refusee(tmp_path, capsys, annuaire, options, message):
    avant = annuaire.read_bytes()
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", "departement,nom\n29,x\n"), annuaire, **options)
    assert code == 1 and message in erreurs and annuaire.read_bytes() == avant


def test_un_annuaire_deja_invalide_n_est_pas_complete(tmp_path, capsys, annuaire):
    annuaire.write_text(annuaire_vide().replace('- departement: "29"', '- departement: "29"\n  telephon: x'), encoding="utf-8")
    avant = annuaire.read_bytes()
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", "departement,nom\n29,x\n"), annuaire)
    assert code == 1 and "n'est pas valide" in erreurs and "telephon" in erreurs
    assert annuaire.read_bytes() == avant


def test_la_commande_se_lance_comme_les_autres(tmp_path, annuaire):
    liste = ecrire(tmp_path, "liste.csv", "departement,nom\n29,Plateforme fictive\n")
    resultat = subprocess.run(
        [sys.executable, "-m", "emploi_accompagne", "import", str(liste), "--source", SOURCE, "--date", DATE,
         "--donnees", str(annuaire), "--dry-run"],
        capture_output=True, text=True, check=False,
    )
    assert resultat.returncode == 0, resultat.stderr
    assert "+  nom: Plateforme fictive" in resultat.stdout


def test_une_autre_liste_s_importe_avec_sa_correspondance(capsys, annuaire):
    code, sortie, erreurs = importer(
        capsys, FIXTURES / "liste-ars.csv", annuaire, "--correspondance", str(FIXTURES / "correspondance-ars.yaml")
    )
    assert (code, erreurs) == (0, "")
    assert sortie.splitlines()[:2] == [
        "29 Finistère : 5 ajoutés, 0 modifié, 0 conflit, 0 ignoré (0 déjà à jour)",
        "56 Morbihan : 2 ajoutés, 0 modifié, 0 conflit, 0 ignoré (0 déjà à jour)",
    ]
    fiches = {p.departement: p for p in charger_plateformes(annuaire)}
    assert [s.nom for s in fiches["29"].sites] == ["Antenne de Quimper", "Antenne de Morlaix"]
    assert fiches["56"].telephone == "+33199000001" and fiches["56"].lien_source == SOURCE


def test_les_problemes_de_lecture_et_de_valeurs_sont_signales_ensemble(tmp_path, capsys, annuaire):
    texte = 'departement;nom;telephone\n99;x;\n29;=SOMME(A1);\n56;"Deux\nlignes";12\n35;Plateforme fictive;12\n56;y;\n'
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", texte), annuaire)
    assert code == 1
    lignes = [re.match(r".*liste\.csv:(\d+:\d+: \[département \S+\] \w+):", l).group(1) for l in erreurs.splitlines()[:-1]]
    assert lignes == [
        "2:1: [département ?] departement",
        "3:2: [département 29] nom",
        "4:2: [département 56] nom",
        "4:3: [département 56] telephone",  # same row as a reading problem: still checked
        "6:3: [département 35] telephone",
        "7:1: [département 56] departement",
    ]


def test_dry_run_sans_changement_n_affiche_pas_de_diff(tmp_path, capsys, annuaire):
    liste = ecrire(tmp_path, "liste.csv", "departement,nom\n29,\n")
    code, sortie, _ = importer(capsys, liste, annuaire, "--dry-run")
    assert code == 0 and not sortie.startswith("---") and "Rien à changer" in sortie


@pytest.mark.parametrize(
    ("fausse_ecriture", "message"),
    [
        (lambda texte: texte.replace("+33199000000", "+33199000009"), "ne relit pas les valeurs prévues"),
        (lambda texte: texte.replace('telephone: "+33199000000"', "telephone: [+33199000000"), "29"),
    ],
)
def test_un_resultat_qui_ne_dit_pas_exactement_ce_qui_etait_prevu_n_est_pas_ecrit(
    tmp_path, capsys, annuaire, monkeypatch, fausse_ecriture, message
):
    vraie = ecriture.remplacer_fiches
    monkeypatch.setattr(ecriture, "remplacer_fiches", lambda texte, modifs: fausse_ecriture(vraie(texte, modifs)))
    avant = annuaire.read_bytes()
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", "departement,telephone\n29,01 99 00 00 00\n"), annuaire)
    assert code == 1 and message in erreurs and "rien n'a été écrit" in erreurs
    assert annuaire.read_bytes() == avant


# --- Numbers and links of a list: the model's rules, as for check (tests/donnees) ---------------------------


@pytest.mark.parametrize(
    ("cellule", "message"),
    [
        ("05 55 XX XX XX", "le numéro contient des lettres (O à la place de 0 ?)"),
        ("02 97 OO OO OO", "le numéro contient des lettres (O à la place de 0 ?)"),
        ("08 99 12 34 56", "numéro surtaxé"),
        ("01 99 00 00 00 #12", "le numéro contient « # »"),
    ],
)
def test_un_numero_invente_ou_surtaxe_d_une_liste_n_est_pas_importe(tmp_path, capsys, annuaire, cellule, message):
    avant = annuaire.read_bytes()
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", f"departement,nom,telephone\n29,Plateforme fictive,{cellule}\n"), annuaire)
    assert code == 1 and annuaire.read_bytes() == avant
    [ligne] = [l for l in erreurs.splitlines() if "liste.csv:" in l]
    assert f"liste.csv:2:3: [département 29] telephone: {message}" in ligne


@pytest.mark.parametrize(
    ("cellule", "message"),
    [
        ("https://www.service-public.fr@evil.example/", "adresse web trompeuse : le site est « evil.example »"),
        ("https://exämple.org/", "lettres accentuées ou d'un autre alphabet dans le nom du site"),
    ],
)
def test_un_lien_trompeur_d_une_liste_n_est_pas_importe(tmp_path, capsys, annuaire, cellule, message):
    code, _, erreurs = importer(capsys, ecrire(tmp_path, "liste.csv", f"departement,nom,site_web\n29,Plateforme fictive,{cellule}\n"), annuaire)
    assert code == 1
    assert f"liste.csv:2:3: [département 29] site_web: {message}" in erreurs


def test_le_rapport_montre_les_numeros_comme_on_les_ecrit(tmp_path, capsys, annuaire):
    liste = ecrire(tmp_path, "liste.csv", "departement,telephone\n29,+33 1 99 00 00 00\n")
    importer(capsys, liste, annuaire)
    liste = ecrire(tmp_path, "liste.csv", "departement,telephone\n29,01 99 00 00 01\n")
    code, sortie, _ = importer(capsys, liste, annuaire, date="2026-07-01")
    assert code == 0
    assert "  modifié 29 telephone : « 01 99 00 00 00 » → « 01 99 00 00 01 »" in sortie.splitlines()
