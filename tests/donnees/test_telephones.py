"""Spécification : un numéro publié est celui que la personne a écrit, et tout le monde peut
l'appeler au prix d'un appel ordinaire (ou gratuitement).

La bibliothèque phonenumbers lit les lettres comme un clavier de téléphone
(« 05 55 XX XX XX » deviendrait +33 5 55 99 99 99) et range ce qui suit « # », « x » ou
« ;ext= » dans un poste : une lettre ou un caractère inattendu est donc refusé avant elle.
Les numéros surtaxés (08 1x, 08 2x, 08 9x) sont refusés partout : `check`, `import`, le
formulaire (tests/annuaire/test_proposer_navigateur.py) et `from-issue`, qui passent tous par
`modele.normalise_telephone`. Tous les numéros sont fictifs (plages de fiction de l'ARCEP ou
plages non attribuées).
"""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire.chargement import charger_plateformes
from emploi_accompagne.annuaire.coordonnees import telephone_affiche
from emploi_accompagne.annuaire.modele import (
    MESSAGE_LETTRES,
    MESSAGE_SURTAXE,
    chercher_telephone,
    normalise_telephone,
)

from .test_chargement import numero_de_ligne, problemes, remplacer_dans_fiche


def refus(numero: str, departement: str | None = "29") -> str:
    with pytest.raises(ValueError) as erreur:
        normalise_telephone(numero, departement)
    return str(erreur.value)


def avec_un_telephone(yaml_valide: str, numero: str, code: str = "29") -> str:
    texte = remplacer_dans_fiche(yaml_valide, code, "  telephone:", f'  telephone: "{numero}"')
    texte = remplacer_dans_fiche(texte, code, "  lien_source:", "  lien_source: https://example.org/source")
    return remplacer_dans_fiche(texte, code, "statut_verification: a-completer", "statut_verification: source-publique")


# --- Rien n'est inventé ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "numero",
    [
        "05 55 XX XX XX",  # the report's case: would be published as +33 5 55 99 99 99
        "04 74 OO OO OO",  # O typed for 0: would be +33 4 74 66 66 66
        "02 98 0O 00 00",  # one O among the zeros
        "0474OOOOOO",
        "02 98 00 00 00 x12",  # phonenumbers would keep 02 98 00 00 00 and drop the extension
        "tel:+33298000000",
        "+33 2 98 OO OO OO",
        "02 98 00 00 00 poste 12",
        "О2 98 00 00 00",  # Cyrillic O
        "04 71 48 OO OO",  # the contributors' report, through from-issue
        "02 97 OO OO OO",  # the contributors' report, through import
    ],
)
def test_un_numero_avec_des_lettres_est_refuse(numero):
    assert refus(numero) == MESSAGE_LETTRES == "le numéro contient des lettres (O à la place de 0 ?)"


@pytest.mark.parametrize(
    ("numero", "en_cause"),
    [
        ("02 98 00 00 00 #12", "#"),
        ("02 98 00 00 00;ext=1", ";"),
        ("02 98 00 00 00 / 06 12 34 56 78", "/"),
        ("02 98 00 00 00, 02 98 00 00 01", ","),
        ("02*98*00*00*00", "*"),
        ("０２ ９８ ００ ００ ００", "０"),  # full-width digits: phonenumbers would read them as 0-9
        ("02\u200b98 00 00 00", "U+200B"),  # an invisible character is named, not printed
        ("02_98_00_00_00", "_"),
    ],
)
def test_un_autre_caractere_est_refuse_et_nomme(numero, en_cause):
    message = refus(numero)
    assert message.startswith(f"le numéro contient « {en_cause} » : écrire un seul numéro")


def test_deux_numeros_dans_le_champ_sont_refuses_avec_ou_mettre_le_second(yaml_valide, ecrire):
    """The contributors' report: « … / 06 … » was called « texte trop long »."""
    texte = avec_un_telephone(yaml_valide, "05 55 20 30 40 / 06 12 34 56 78")
    [p] = problemes(ecrire(texte))
    assert p["champ"] == "telephone" and p["message"].startswith("un seul numéro (30 caractères au plus) : un autre numéro va dans sites")


def test_le_signe_plus_n_est_accepte_qu_au_debut():
    assert refus("02 98 +00 00 00") == "le signe « + » ne peut être qu'au début du numéro"


@pytest.mark.parametrize(
    "numero",
    [
        "02 98 00 00 00",
        "0298000000",
        "02.98.00.00.00",
        "02-98-00-00-00",
        "+33 2 98 00 00 00",
        "+33 (0)2 98 00 00 00",
        "0033 2 98 00 00 00",
        "(02) 98 00 00 00",
        "02\u00a098\u00a000\u00a000\u00a000",  # non-breaking spaces, as French typography writes them
        "02\u202f98\u202f00\u202f00\u202f00",
        "  02 98 00 00 00  ",
    ],
)
def test_les_ecritures_habituelles_d_un_numero_sont_acceptees(numero):
    assert normalise_telephone(numero, "29") == "+33298000000"


# --- Seulement des numéros joignables au prix d'un appel ordinaire ---------------------------------------


@pytest.mark.parametrize(
    ("numero", "departement"),
    [
        ("08 99 12 34 56", "29"),  # the security report's case: premium rate
        ("08 92 12 34 56", "29"),
        ("08 90 12 34 56", "29"),
        ("08 36 12 34 56", "29"),
        ("08 10 12 34 56", "29"),  # shared cost
        ("08 21 12 34 56", "29"),
        ("08 25 12 34 56", "29"),
        ("08 84 12 34 56", "29"),
        ("+33 8 99 12 34 56", "29"),
        ("0033 899 123 456", "29"),
        ("0890 12 34 56", "974"),  # La Réunion: surcharged too
        ("+590 891 12 34 56", "29"),  # Guadeloupe, written internationally
    ],
)
def test_un_numero_surtaxe_est_refuse(numero, departement):
    assert refus(numero, departement) == MESSAGE_SURTAXE
    assert MESSAGE_SURTAXE.startswith("numéro surtaxé")


@pytest.mark.parametrize(
    ("numero", "departement", "attendu"),
    [
        ("02 98 00 00 00", "29", "+33298000000"),  # fixed line
        ("06 12 34 56 78", "29", "+33612345678"),  # mobile
        ("07 56 12 34 56", "29", "+33756123456"),
        ("0 800 12 34 56", "29", "+33800123456"),  # toll free
        ("0 805 12 34 56", "29", "+33805123456"),
        ("0 806 12 34 56", "29", "+33806123456"),  # 0806-0809: the price of an ordinary call
        ("09 70 12 34 56", "29", "+33970123456"),  # 09: billed as a fixed line
        ("0262 40 00 00", "974", "+262262400000"),
        ("0692 12 34 56", "974", "+262692123456"),
        ("0590 12 34 56", "971", "+590590123456"),
        ("+262 262 40 00 00", "29", "+262262400000"),
    ],
)
def test_un_fixe_un_portable_ou_un_numero_gratuit_est_accepte(numero, departement, attendu):
    assert normalise_telephone(numero, departement) == attendu


@pytest.mark.parametrize("numero", ["12 34", "02 98 00 00", "+1 202 555 0100", "+44 20 7946 0000", "1298000000"])
def test_un_numero_incomplet_ou_etranger_est_refuse(numero):
    assert refus(numero).startswith("numéro de téléphone invalide")


# --- Sur chaque chemin : check (le fichier), import (tests/importation), from-issue -------------------


@pytest.mark.parametrize(
    ("numero", "message"),
    [
        ("05 55 XX XX XX", "le numéro contient des lettres (O à la place de 0 ?)"),
        ("04 74 OO OO OO", "le numéro contient des lettres (O à la place de 0 ?)"),
        ("08 99 12 34 56", "numéro surtaxé"),
        ("02 98 00 00 00 #12", "le numéro contient « # »"),
    ],
)
def test_check_refuse_le_numero_a_sa_ligne_avec_son_departement(yaml_valide, ecrire, numero, message):
    texte = avec_un_telephone(yaml_valide, numero)
    [p] = problemes(ecrire(texte))
    assert (p["dep"], p["champ"]) == ("29", "telephone")
    assert int(p["ligne"]) == numero_de_ligne(texte, f'telephone: "{numero}"')
    assert p["message"].startswith(message)


def test_une_antenne_aussi(yaml_valide, ecrire):
    bloc = (
        '  sites:\n    - nom: Antenne fictive\n      telephone: "02 98 OO OO OO"\n'
        "      lien_source: https://example.org/antenne\n"
    )
    texte = remplacer_dans_fiche(yaml_valide, "29", "  lien_source:\n", "  lien_source:\n" + bloc)
    [p] = problemes(ecrire(texte))
    assert (p["dep"], p["champ"], p["message"]) == ("29", "sites[1].telephone", MESSAGE_LETTRES)


def test_un_numero_accepte_est_enregistre_au_format_international_et_montre_comme_on_l_ecrit(yaml_valide, ecrire):
    finistere = next(p for p in charger_plateformes(ecrire(avec_un_telephone(yaml_valide, "02.98.00.00.00"))) if p.departement == "29")
    assert finistere.telephone == "+33298000000"
    assert telephone_affiche(finistere.telephone) == "02 98 00 00 00"


@pytest.mark.parametrize(
    ("e164", "affiche"),
    [("+33298000000", "02 98 00 00 00"), ("+33800123456", "0 800 12 34 56"), ("+262262400000", "0262 40 00 00")],
)
def test_un_numero_est_montre_comme_on_le_compose_en_france(e164, affiche):
    assert telephone_affiche(e164) == affiche


# --- Dans un texte libre (une antenne de from-issue) -------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "trouve"),
    [
        ("Antenne de Brest – 2 rue de l'Exemple, 29200 Brest – 02 98 00 00 00", "02 98 00 00 00"),
        # phonenumbers' matcher does not see these: they would stay in the address.
        ("Antenne de Brest – 2 rue de l'Exemple, 29200 Brest – 05 55 XX XX XX", "05 55 XX XX XX"),
        ("Antenne de Brest – 2 rue de l'Exemple, 29200 Brest – 04 74 OO OO OO", "04 74 OO OO OO"),
        ("Antenne – 02 98 0O 00 00 le matin", "02 98 0O 00 00"),
        ("Antenne – +33 2 98 OO 00 00.", "+33 2 98 OO 00 00"),
        ("Antenne – 08 99 12 34 56", "08 99 12 34 56"),
        ("Antenne – 02 98 00 00 00 #12", "02 98 00 00 00 #12"),
    ],
)
def test_un_numero_ecrit_dans_une_ligne_est_trouve_pour_etre_verifie(texte, trouve):
    debut, fin = chercher_telephone(texte, "29")
    assert texte[debut:fin] == trouve


@pytest.mark.parametrize(
    "texte",
    ["Antenne – 2 rue de l'Exemple, 29200 Brest", "Antenne – BP 12345 29200 Brest Cedex", "Antenne – 02 98 00 00"],
)
def test_une_adresse_n_est_pas_prise_pour_un_numero(texte):
    assert chercher_telephone(texte, "29") is None
