"""Spécification : `check --format github` écrit chaque problème comme une annotation GitHub
`::error file=…,line=…,col=…,title=…::message`, à la ligne et à la colonne du problème, avec
l'échappement des commandes de workflow ; le format par défaut ne change pas."""
import re

import pytest

from emploi_accompagne import __main__ as cli
from emploi_accompagne.annuaire.chargement import (
    FICHIER_PLATEFORMES,
    DonneesInvalides,
    Probleme,
    charger_plateformes,
)

REEL = FICHIER_PLATEFORMES.read_text(encoding="utf-8")
ANNOTATION = re.compile(r"^::error file=(?P<file>[^,]*),line=(?P<line>\d+),col=(?P<col>\d+),title=(?P<title>[^,:]*)::(?P<message>.*)$")


def desechapper(texte: str) -> str:
    for code, caractere in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        texte = texte.replace(code, caractere)
    return texte


def position(texte: str, fragment: str, decalage: int = 0) -> tuple[int, int]:
    debut = texte.index(fragment) + decalage
    return texte.count("\n", 0, debut) + 1, debut - (texte.rfind("\n", 0, debut) + 1) + 1


def dans_la_fiche(code: str, avant: str, apres: str) -> str:
    debut = REEL.index(f'- departement: "{code}"')
    fin = REEL.index("\n\n", debut)
    bloc = REEL[debut:fin]
    assert avant in bloc
    return REEL[:debut] + bloc.replace(avant, apres, 1) + REEL[fin:]


@pytest.fixture
def annotations(tmp_path, monkeypatch, capsys):
    def _annotations(texte: str) -> list[dict]:
        fichier = tmp_path / "plateformes.yaml"
        fichier.write_text(texte, encoding="utf-8")
        monkeypatch.setattr(cli, "charger_plateformes", lambda: charger_plateformes(fichier))
        assert cli.main(["check", "--format", "github"]) == 1
        sortie = capsys.readouterr()
        lignes = sortie.out.splitlines()
        assert lignes and all(ANNOTATION.match(ligne) for ligne in lignes), lignes
        assert "problème(s) à corriger" in sortie.err
        return [ANNOTATION.match(ligne).groupdict() for ligne in lignes]

    return _annotations


@pytest.mark.parametrize(
    "texte, fragment, decalage, champ",
    [
        (dans_la_fiche("13", "  telephone:", "  telephon: 1"), "telephon: 1", 0, "telephon"),
        (dans_la_fiche("29", "  telephone:", "  telephone: 12 34"), "12 34", 0, "telephone"),
        (dans_la_fiche("974", "  site_web:", "  site_web: http://exemple.fr"), "http://exemple.fr", 0, "site_web"),
        (dans_la_fiche("2A", "  courriel:", "  courriel: pas-une-adresse"), "pas-une-adresse", 0, "courriel"),
        (dans_la_fiche("05", "  date_maj: 2026-11-23", "  date_maj: 23/11/2026"), "23/11/2026", 0, "date_maj"),
        (
            dans_la_fiche("48", "    nom: Association Clos du Nid", "    nom: Association Clos du Nid\n    siret: 12"),
            "siret: 12", 7, "structure_gestionnaire.siret",
        ),
        (dans_la_fiche("60", "  commune:", "\tcommune:"), "\tcommune:", 0, "fichier"),
    ],
)
def test_chaque_annotation_tombe_sur_la_ligne_et_la_colonne_du_probleme(annotations, tmp_path, texte, fragment, decalage, champ):
    [annotation] = annotations(texte)
    ligne, colonne = position(texte, fragment, decalage)
    assert desechapper(annotation["file"]) == str(tmp_path / "plateformes.yaml")
    assert (int(annotation["line"]), int(annotation["col"])) == (ligne, colonne)
    assert desechapper(annotation["title"]).endswith(f" : {champ}")
    assert f"] {champ}: " in desechapper(annotation["message"])


def test_plusieurs_problemes_donnent_autant_d_annotations_que_le_format_texte_de_lignes(annotations, tmp_path):
    texte = dans_la_fiche("05", "  telephone:", "  telephone: 12")
    debut = texte.index('- departement: "974"')
    texte = texte[:debut] + texte[debut:].replace("  site_web:", "  site_web: http://exemple.fr", 1)
    texte = texte.replace('- departement: "01"\n  statut_verification: a-completer', '- departement: "01"\n  statut_verification: verifie', 1)
    trouvees = annotations(texte)
    with pytest.raises(DonneesInvalides) as erreur:
        charger_plateformes(tmp_path / "plateformes.yaml")
    assert [(int(a["line"]), int(a["col"])) for a in trouvees] == [(p.ligne, p.colonne) for p in erreur.value.problemes]
    assert len(trouvees) == 3


def test_les_caracteres_speciaux_sont_echappes_selon_les_regles_des_commandes_de_workflow():
    probleme = Probleme("data/plate,formes:.yaml", 7, 3, "29", "no,m:x", "100 % faux\r\nsur deux lignes")
    annotation = probleme.annotation_github()
    assert "\n" not in annotation and "\r" not in annotation
    assert annotation.startswith("::error file=data/plate%2Cformes%3A.yaml,line=7,col=3,title=Département 29 %3A no%2Cm%3Ax::")
    message = annotation.split("::", 2)[2]
    assert "100 %25 faux" in message
    assert desechapper(message) == str(probleme).removeprefix("data/plate,formes:.yaml:7:3: ")


def test_le_format_par_defaut_reste_une_ligne_par_probleme_sur_stderr(tmp_path, monkeypatch, capsys):
    fichier = tmp_path / "plateformes.yaml"
    fichier.write_text(dans_la_fiche("13", "  telephone:", "  telephon: 1"), encoding="utf-8")
    monkeypatch.setattr(cli, "charger_plateformes", lambda: charger_plateformes(fichier))
    assert cli.main(["check"]) == 1
    sortie = capsys.readouterr()
    assert sortie.out == ""
    premiere = sortie.err.splitlines()[0]
    assert re.match(r"^\S+plateformes\.yaml:\d+:3: \[département 13\] telephon: champ inconnu", premiere)


def test_des_donnees_valides_ne_donnent_aucune_annotation(capsys):
    assert cli.main(["check", "--format", "github"]) == 0
    assert "::error" not in capsys.readouterr().out
