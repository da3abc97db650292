"""Spécification : toute erreur dans data/plateformes.yaml donne une ligne en français
`fichier:ligne:colonne: [département CODE] champ: message`, toutes à la fois."""
import re
import tracemalloc

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes
from emploi_accompagne.annuaire.modele import CODES_DEPARTEMENTS

LIGNE = re.compile(r"^(?P<fichier>[^:]+):(?P<ligne>\d+):(?P<colonne>\d+): \[département (?P<dep>[0-9AB?]+)\] (?P<champ>[\w\[\].]+): (?P<message>.+)$")


def problemes(path):
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes(path)
    lignes = str(erreur.value).splitlines()
    assert lignes and all(LIGNE.match(ligne) for ligne in lignes), lignes
    return [LIGNE.match(ligne).groupdict() for ligne in lignes]


def fiche(texte: str, code: str) -> tuple[int, int]:
    """Start and end offsets of one entry in the YAML text."""
    debut = texte.index(f'- departement: "{code}"')
    fin = texte.find("\n- departement:", debut + 1)
    return debut, (fin + 1 if fin != -1 else len(texte))


def remplacer_dans_fiche(texte: str, code: str, avant: str, apres: str) -> str:
    debut, fin = fiche(texte, code)
    bloc = texte[debut:fin]
    assert avant in bloc, f"{avant!r} absent de la fiche {code}"
    return texte[:debut] + bloc.replace(avant, apres, 1) + texte[fin:]


def moitie(texte: str) -> int:
    """An offset near the middle of the file, at the start of an entry (a clean cut)."""
    return texte.index("\n- departement:", len(texte) // 2) + 1


def numero_de_ligne(texte: str, fragment: str) -> int:
    return texte[: texte.index(fragment)].count("\n") + 1


def test_les_donnees_du_depot_sont_valides_et_completes():
    plateformes = charger_plateformes()
    assert [p.departement for p in plateformes] == list(CODES_DEPARTEMENTS)


def test_un_champ_mal_orthographie_est_signale_a_sa_ligne(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "13", "  telephone:", "  telephon:")
    [p] = problemes(ecrire(texte))
    assert p["dep"] == "13" and p["champ"] == "telephon"
    assert int(p["ligne"]) == numero_de_ligne(texte, "telephon:")
    assert "champ inconnu" in p["message"]


def test_tous_les_problemes_sont_signales_en_une_fois(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "05", "  telephone:", "  telephone: 12")
    texte = remplacer_dans_fiche(texte, "2A", "  courriel:", "  courriel: pas-une-adresse")
    texte = remplacer_dans_fiche(texte, "974", "  site_web:", "  site_web: http://exemple.fr")
    trouves = {(p["dep"], p["champ"]) for p in problemes(ecrire(texte))}
    assert {("05", "telephone"), ("2A", "courriel"), ("974", "site_web")} <= trouves


@pytest.mark.parametrize(
    "champ, valeur, attendu",
    [
        ("telephone", '"12 34"', "numéro de téléphone invalide"),
        ("telephone", '"+1 202 555 0100"', "numéro de téléphone invalide"),
        ("courriel", "contact@", "adresse e-mail invalide"),
        ("site_web", "javascript:alert(1)", "https://"),
        ("site_web", "http://exemple.fr", "https://"),
        ("site_web", "ftp://exemple.fr", "https://"),
        ("code_postal", "1000", "code postal à 5 chiffres"),
        ("nom", "x" * 201, "trop long"),
        ("date_maj", "2999-01-01", "futur"),
        ("date_maj", "23/11/2026", "AAAA-MM-JJ"),
        ("statut_verification", "verifie", "valeur non reconnue"),
        ("nom", "[une, liste]", "texte"),
    ],
)
def test_une_valeur_invalide_recoit_un_message_qui_dit_quoi_ecrire(yaml_valide, ecrire, champ, valeur, attendu):
    debut, fin = fiche(yaml_valide, "01")
    bloc = re.sub(rf"(?m)^  {champ}:.*$", f"  {champ}: {valeur}", yaml_valide[debut:fin], count=1)
    if champ not in ("date_maj", "statut_verification"):
        bloc = bloc.replace("  lien_source:", "  lien_source: https://exemple.fr/source", 1)
    texte = yaml_valide[:debut] + bloc + yaml_valide[fin:]
    trouves = problemes(ecrire(texte))
    assert any(p["dep"] == "01" and p["champ"] == champ and attendu in p["message"] for p in trouves), trouves


def test_les_numeros_d_outre_mer_sont_acceptes_et_normalises(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "974", "  telephone:", "  telephone: 0262 40 00 00")
    texte = remplacer_dans_fiche(texte, "974", "  lien_source:", "  lien_source: https://exemple.fr/source")
    texte = remplacer_dans_fiche(texte, "974", "statut_verification: a-completer", "statut_verification: source-publique")
    reunion = next(p for p in charger_plateformes(ecrire(texte)) if p.departement == "974")
    assert reunion.telephone == "+262262400000"


def test_un_contact_sans_source_est_refuse(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "33", "  telephone:", "  telephone: 05 56 00 00 00")
    [p] = problemes(ecrire(texte))
    assert (p["dep"], p["champ"]) == ("33", "lien_source")


def test_un_champ_en_double_est_refuse_au_lieu_d_etre_ecrase(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "29", "  nom:\n", "  nom:\n  nom: Autre nom\n")
    [p] = problemes(ecrire(texte))
    assert p["dep"] == "29" and p["champ"] == "nom" and "deux fois" in p["message"]


def test_un_departement_en_double_ou_manquant_est_signale(yaml_valide, ecrire):
    texte = yaml_valide.replace('- departement: "02"', '- departement: "01"')
    trouves = problemes(ecrire(texte))
    assert any(p["dep"] == "01" and "en double" in p["message"] for p in trouves)
    assert any(p["dep"] == "02" and "manquante" in p["message"] for p in trouves)


def test_un_departement_inconnu_est_refuse(yaml_valide, ecrire):
    texte = yaml_valide.replace('- departement: "976"', '- departement: "975"')
    trouves = problemes(ecrire(texte))
    assert any(p["dep"] == "975" and p["champ"] == "departement" and "inconnu" in p["message"] for p in trouves)


@pytest.mark.parametrize("valeur", ["[]", "[01]", "{a: b}", "Ain (01)"])
def test_un_departement_illisible_s_affiche_comme_inconnu(yaml_valide, ecrire, valeur):
    """A value that is no code cannot break the one-line format: it shows as « ? »."""
    texte = remplacer_dans_fiche(yaml_valide, "44", '- departement: "44"\n', f"- departement: {valeur}\n  oups\n")
    trouves = problemes(ecrire(texte))
    assert any(p["dep"] == "?" for p in trouves), trouves


def test_une_tabulation_donne_sa_ligne_et_son_departement(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "44", "  nom:", "\tnom:")
    [p] = problemes(ecrire(texte))
    assert p["dep"] == "44" and "tabulation" in p["message"]
    assert int(p["ligne"]) == numero_de_ligne(texte, "\tnom:")


@pytest.mark.parametrize(
    "transformer, attendu",
    [
        (lambda t: "", "vide"),
        (lambda t: "# seulement un commentaire\n", "vide"),
        (lambda t: t[: moitie(t)] + '  nom: "Plateforme', "guillemet"),
        (lambda t: t[: moitie(t)], "manquante"),
        (lambda t: "departement: 01\n", "liste de fiches"),
        (lambda t: t.replace("  nom:\n", "  nom: a: b\n", 1), "deux-points"),
    ],
    ids=["fichier-vide", "commentaires-seuls", "guillemet-non-ferme", "fichier-tronque", "pas-une-liste", "deux-points"],
)
def test_un_fichier_abime_recoit_un_message_clair(yaml_valide, ecrire, transformer, attendu):
    assert any(attendu in p["message"] for p in problemes(ecrire(transformer(yaml_valide))))


def test_un_fichier_qui_n_est_pas_en_utf8_est_refuse(yaml_valide, ecrire):
    texte = remplacer_dans_fiche(yaml_valide, "18", "  nom:", "  nom: Plateforme du Cher é")
    debut = texte.index("Cher é")
    fin = texte.index("\n", debut)
    # One line saved in Latin-1 by a misconfigured editor, the rest in UTF-8.
    octets = texte[:debut].encode("utf-8") + texte[debut:fin].encode("latin-1") + texte[fin:].encode("utf-8")
    [p] = problemes(ecrire(octets))
    assert "UTF-8" in p["message"] and p["dep"] == "18" and int(p["ligne"]) == numero_de_ligne(texte, "Cher é")


def test_une_bombe_d_alias_est_refusee_vite_et_sans_memoire(ecrire):
    bombe = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9)
    )
    tracemalloc.start()
    [p] = problemes(ecrire(bombe))
    _, pic = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "alias" in p["message"]
    # Expanded, this document would hold 9**10 strings; refused at the first anchor, it costs almost nothing.
    assert pic < 5_000_000


def test_un_fichier_demesure_est_refuse(ecrire):
    [p] = problemes(ecrire("- departement: \"01\"\n" + "# remplissage\n" * 200_000))
    assert "trop gros" in p["message"]


def test_libyaml_et_le_lecteur_python_donnent_les_memes_fiches(monkeypatch):
    """libyaml lit le fichier dix fois plus vite ; sans lui, le résultat est le même."""
    import yaml

    assert hasattr(yaml, "CSafeLoader"), "PyYAML sans libyaml : le chargement rapide n'est pas utilisé"
    avec_libyaml = charger_plateformes()
    monkeypatch.delattr(yaml, "CSafeLoader")
    assert charger_plateformes() == avec_libyaml
