"""Spécification de la lecture d'un CSV : celui de l'export du site, même retouché dans un
tableur (BOM, CRLF, points-virgules, apostrophe devant les formules, zéros perdus), ou celui
d'une autre liste par un fichier de correspondance. Toute entrée douteuse donne une erreur
en français qui nomme le fichier, la ligne, le département et la colonne."""
from __future__ import annotations

import re

import pytest

from emploi_accompagne.annuaire import exports
from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.annuaire.importation import lecture
from emploi_accompagne.annuaire.importation.lecture import (
    lire_correspondance,
    lire_csv,
    lire_liste,
)

from .conftest import FIXTURES

LIGNE = re.compile(r"^(?P<fichier>[^:]+):(?P<ligne>\d+):(?P<colonne>\d+): \[département (?P<dep>[0-9AB?]+)\] (?P<champ>[^:]+): (?P<message>.+)$")


def valeurs(ligne) -> dict:
    return {champ: cellule.valeur for champ, cellule in ligne.cellules.items()}


def problemes(texte: str, correspondance=None) -> list[dict]:
    with pytest.raises(DonneesInvalides) as erreur:
        lire_csv(texte, "liste.csv", correspondance)
    lignes = str(erreur.value).splitlines()
    assert lignes and all(LIGNE.match(l) for l in lignes), lignes
    return [LIGNE.match(l).groupdict() for l in lignes]


def csv_export(*lignes: str, entete: str = "departement,nom,telephone") -> str:
    return "\r\n".join([entete, *lignes]) + "\r\n"


# --- The site's own export, round and edited ---------------------------------------------------------


def test_l_export_du_site_se_relit_colonne_par_colonne(plateformes_avec_une_fiche_complete):
    texte = exports.plateformes_csv(plateformes_avec_une_fiche_complete)
    lignes = lire_csv(texte.removeprefix(exports.BOM), "plateformes.csv")
    assert [l.departement for l in lignes][:3] == ["01", "02", "03"] and len(lignes) == 101
    ain = valeurs(lignes[0])
    assert ain["adresse"] == "=1 rue de l'Exemple"  # the export's quote is taken off again
    assert ain["telephone"] == "+33465710000"
    assert ain["partenaires"] == ("Partenaire Un", "Partenaire Deux")
    assert ain["structure_gestionnaire.siret"] == "12345678901234"
    # The entry's own source, date and status are the export's, not facts of the list.
    assert not {"lien_source", "date_maj", "statut_verification", "region"} & set(ain)


def test_un_export_retouche_dans_excel_en_francais_se_relit():
    lignes = lire_liste(FIXTURES / "excel-fr.csv")  # BOM, ";", CRLF, zeros lost, empty last row
    ain, corse = (valeurs(l) for l in lignes)
    assert [l.departement for l in lignes] == ["01", "2A"]
    assert ain["code_postal"] == "01000" and ain["code_insee"] == "01053"
    assert ain["telephone"] == "+33 4 65 71 00 00"
    assert ain["remarques"] == "Accueil : sur rendez-vous; le matin"
    assert ain["sites"] == ("Antenne Nord", "Antenne Sud")
    assert corse == {"nom": 'Plateforme "fictive" de Corse-du-Sud', "telephone": "04 65 71 00 01",
                     "remarques": "=pas une formule"}


@pytest.mark.parametrize("separateur", [",", ";", "\t"])
def test_le_separateur_est_reconnu_a_l_en_tete(separateur):
    texte = f"departement{separateur}nom\n29{separateur}Plateforme, fictive; oui\n"
    if separateur != "\t":
        texte = texte.replace("Plateforme, fictive; oui", '"Plateforme, fictive; oui"')
    [ligne] = lire_csv(texte, "liste.csv")
    assert valeurs(ligne) == {"nom": "Plateforme, fictive; oui"}


@pytest.mark.parametrize(
    ("ecrit", "code"),
    [("1", "01"), ("01", "01"), ("2a", "2A"), ("Côtes-d'Armor", "22"), ("cotes d armor", "22"),
     ("La Réunion", "974"), ("Réunion", "974"), ("01 – Ain", "01"), ("976 - Mayotte", "976")],
)
def test_le_departement_s_ecrit_par_son_code_ou_son_nom(ecrit, code):
    [ligne] = lire_csv(csv_export(f'"{ecrit}",Plateforme fictive,'), "liste.csv")
    assert ligne.departement == code


# --- Refused, with the cell ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ecrit", "message"),
    [("99", "département inconnu « 99 »"), ("20", "2A"), ("01 – Aisne", "département inconnu"), ("", "département manquant")],
)
def test_un_departement_inconnu_est_refuse(ecrit, message):
    [p] = problemes(csv_export(f"{ecrit},Plateforme fictive,"))
    assert (p["ligne"], p["colonne"], p["champ"]) == ("2", "1", "departement")
    assert message in p["message"]


def test_un_departement_en_double_est_refuse_avec_la_ligne_de_la_premiere():
    [p] = problemes(csv_export("29,Un,", "56,Deux,", "29,Trois,"))
    assert (p["ligne"], p["dep"]) == ("4", "29")
    assert "déjà à la ligne 2" in p["message"]


def test_un_nom_de_departement_qui_ne_va_pas_avec_le_code_revele_une_ligne_decalee():
    [p] = problemes(csv_export("01,Aisne,Plateforme fictive", entete="departement,departement_nom,nom"))
    assert (p["dep"], p["champ"], p["colonne"]) == ("01", "departement_nom", "2")
    assert "décalée" in p["message"]


@pytest.mark.parametrize("formule", ["=HYPERLINK(\"https://example.org\")", "@SOMME(A1)", "+1", "-2+3"])
def test_une_formule_de_tableur_est_refusee(formule):
    [p] = problemes(csv_export(f'29,"{formule.replace(chr(34), chr(34) * 2)}",'))
    assert (p["ligne"], p["colonne"], p["dep"], p["champ"]) == ("2", "2", "29", "nom")
    assert "formule" in p["message"] and "apostrophe" in p["message"]


def test_un_numero_international_n_est_pas_pris_pour_une_formule():
    [ligne] = lire_csv(csv_export("29,,+33 1 99 00 00 00"), "liste.csv")
    assert valeurs(ligne) == {"telephone": "+33 1 99 00 00 00"}


@pytest.mark.parametrize(
    ("valeur", "message"),
    [("Ligne un\nligne deux", "retour à la ligne"), ("Ligne\u2028deux", "retour à la ligne"),
     ("avec\ttabulation", "tabulation"), ("cloche\x07", "U+0007")],
)
def test_une_valeur_sur_plusieurs_lignes_ou_avec_un_caractere_de_controle_est_refusee(valeur, message):
    [p] = problemes(csv_export(f'29,"{valeur}",'))
    assert (p["ligne"], p["champ"]) == ("2", "nom") and message in p["message"]


def test_une_valeur_en_syntaxe_yaml_reste_du_texte():
    nom = "Plateforme: {fictive} # pas un commentaire &ancre *alias !!python/object [1]"
    [ligne] = lire_csv(csv_export(f'29,"{nom}",'), "liste.csv")
    assert valeurs(ligne) == {"nom": nom}


def test_une_ligne_avec_des_cellules_en_trop_est_refusee():
    [p] = problemes(csv_export("29,Plateforme, fictive,01 99 00 00 00"))
    assert (p["ligne"], p["colonne"], p["dep"]) == ("2", "4", "29") and "guillemets" in p["message"]


def test_une_colonne_inconnue_ou_en_double_est_refusee_a_l_en_tete():
    inconnue, double = problemes("departement,nom,tel,nom\n29,a,b,c\n")
    assert (inconnue["ligne"], inconnue["colonne"], inconnue["champ"]) == ("1", "3", "tel")
    assert "--correspondance" in inconnue["message"]
    assert (double["colonne"], double["champ"]) == ("4", "nom") and "déjà en colonne 2" in double["message"]


def test_un_en_tete_sans_colonne_connue_est_refuse():
    [p] = problemes("Département|Nom\n29|Plateforme\n")
    assert p["champ"] == "fichier" and "en-tête non reconnu" in p["message"]


def test_tous_les_problemes_sont_signales_en_une_fois():
    trouves = problemes(csv_export("99,a,", "29,=b,", "56,c,", "56,d,"))
    assert [(p["ligne"], p["dep"]) for p in trouves] == [("2", "?"), ("3", "29"), ("5", "56")]


def test_un_guillemet_mal_place_est_explique():
    [p] = problemes(csv_export('29,"Plateforme" fictive,'))
    assert "guillemet" in p["message"]


# --- The file itself -----------------------------------------------------------------------------------


def erreur_fichier(path) -> str:
    with pytest.raises(DonneesInvalides) as erreur:
        lire_liste(path)
    [ligne] = str(erreur.value).splitlines()
    return ligne


def test_un_fichier_en_windows_1252_est_refuse_avec_la_marche_a_suivre(tmp_path):
    chemin = tmp_path / "liste.csv"
    chemin.write_bytes("departement;nom\n29;Plateforme du Finistère\n".encode("cp1252"))
    ligne = erreur_fichier(chemin)
    assert ligne.startswith(f"{chemin}:2:")
    assert "UTF-8" in ligne and "CSV UTF-8" in ligne


def test_un_fichier_en_utf_16_est_refuse(tmp_path):
    chemin = tmp_path / "liste.csv"
    chemin.write_bytes("departement,nom\n29,x\n".encode("utf-16"))
    assert "UTF-16" in erreur_fichier(chemin)


def test_un_fichier_trop_gros_est_refuse_sans_etre_lu(tmp_path, monkeypatch):
    chemin = tmp_path / "liste.csv"
    chemin.write_text("departement,nom\n" + "29,x\n" * 1000, encoding="utf-8")
    monkeypatch.setattr(lecture, "TAILLE_MAX", 1000)
    monkeypatch.setattr(type(chemin), "read_bytes", lambda self: pytest.fail("read"))
    assert "fichier trop gros" in erreur_fichier(chemin)


@pytest.mark.parametrize(("contenu", "message"), [(b"", "vide"), (b"departement\x00nom", "caractère nul")])
def test_un_fichier_vide_ou_binaire_est_refuse(tmp_path, contenu, message):
    chemin = tmp_path / "liste.csv"
    chemin.write_bytes(contenu)
    assert message in erreur_fichier(chemin)


def test_un_fichier_absent_est_signale(tmp_path):
    assert "fichier introuvable" in erreur_fichier(tmp_path / "absent.csv")


def test_un_en_tete_seul_est_refuse():
    with pytest.raises(DonneesInvalides, match="aucune ligne de département"):
        lire_csv("departement,nom\r\n", "liste.csv")


# --- Another list, through a mapping file ------------------------------------------------------------


def test_une_autre_liste_se_lit_par_sa_correspondance():
    lignes = lire_liste(FIXTURES / "liste-ars.csv", FIXTURES / "correspondance-ars.yaml")
    finistere, morbihan = lignes
    assert (finistere.departement, morbihan.departement) == ("29", "56")
    assert valeurs(finistere) == {
        "nom": "Dispositif fictif du Finistère",
        "structure_gestionnaire.nom": "Association Fictive",
        "telephone": "01 99 00 00 00",
        "courriel": "finistere@example.org",
        "sites": ("Antenne de Quimper", "Antenne de Morlaix"),
    }  # the column "Date de la liste" is not in the mapping: ignored
    cellule = finistere.cellules["telephone"]
    assert (cellule.ligne, cellule.colonne, cellule.nom) == (2, 4, "Tél.")


def correspondance(tmp_path, texte: str):
    chemin = tmp_path / "correspondance.yaml"
    chemin.write_text(texte, encoding="utf-8")
    return chemin


def test_une_liste_sans_colonne_du_departement_se_rattache_par_le_code_commune(tmp_path):
    chemin = correspondance(tmp_path, "colonnes:\n  Code commune: code_insee\n  Nom: nom\n")
    [ligne] = lire_csv("Code commune,Nom\n29019,Plateforme fictive\n", "liste.csv", lire_correspondance(chemin))
    assert ligne.departement == "29" and valeurs(ligne) == {"code_insee": "29019", "nom": "Plateforme fictive"}


@pytest.mark.parametrize(
    ("texte", "ligne", "champ", "message"),
    [
        ("colonnes:\n  Dépt: departement\n  Tél: telefone\n", "3", "Tél", "champ inconnu"),
        ("colonnes:\n  Dépt: departement\n  Tél: telephone\n  Fixe: telephone\n", "4", "Fixe", "déjà donné par la colonne « Tél »"),
        ("colonnes:\n  Nom: nom\n", "2", "colonnes", "aucune colonne ne donne le département"),
        ("colonnes:\n  Dépt: departement\nseparateur: ;\n", "3", "separateur", "clé inconnue"),
        ("colonnes:\n  Dépt: departement\n  Dépt: nom\n", "3", "Dépt", "deux fois"),
    ],
)
def test_une_correspondance_fautive_est_signalee_a_sa_ligne(tmp_path, texte, ligne, champ, message):
    with pytest.raises(DonneesInvalides) as erreur:
        lire_correspondance(correspondance(tmp_path, texte))
    [p] = erreur.value.problemes
    assert (str(p.ligne), p.champ) == (ligne, champ) and message in p.message


def test_une_colonne_de_la_correspondance_absente_de_la_liste_est_signalee(tmp_path):
    chemin = correspondance(tmp_path, "colonnes:\n  Dépt: departement\n  Téléphone: telephone\n")
    [p] = problemes("Dépt,Tél\n29,01 99 00 00 00\n", lire_correspondance(chemin))
    assert "« Téléphone »" in p["message"]


def test_une_correspondance_ne_sert_qu_a_un_csv(tmp_path):
    json_ = tmp_path / "structures.json"
    json_.write_text("[]", encoding="utf-8")
    assert "--correspondance" in erreur_fichier_avec(json_, FIXTURES / "correspondance-ars.yaml")


def erreur_fichier_avec(path, correspondance_) -> str:
    with pytest.raises(DonneesInvalides) as erreur:
        lire_liste(path, correspondance_)
    return str(erreur.value)


def test_les_colonnes_importees_sont_celles_de_l_export():
    assert set(lecture.CHAMP_DE_COLONNE) | set(lecture.COLONNES_INFORMATIVES) | {"departement"} == set(
        exports.COLONNES_CSV
    )


def test_les_apostrophes_mises_apres_un_separateur_par_l_export_sont_retirees(plateformes_avec_une_fiche_complete):
    """Importing the export unchanged changes nothing, even a value with `;=` inside."""
    valeurs_hostiles = {
        "remarques": 'Accueil;=HYPERLINK("https://evil.example";"clic")',
        "complement_adresse": "Bâtiment B, +2e étage",
    }
    ain = plateformes_avec_une_fiche_complete[0].model_copy(update=valeurs_hostiles)
    texte = exports.plateformes_csv([ain, *plateformes_avec_une_fiche_complete[1:]])
    assert "Accueil;'=HYPERLINK(" in texte
    relue = valeurs(lire_csv(texte.removeprefix(exports.BOM), "plateformes.csv")[0])
    assert {champ: relue[champ] for champ in valeurs_hostiles} == valeurs_hostiles
