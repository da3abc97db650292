"""Publication : une construction est reproductible, et une construction ratée ne laisse rien à publier."""
import subprocess
from pathlib import Path

from emploi_accompagne.paths import ROOT

from .conftest import GROUPE_DES_CONSTRUCTIONS, JOUR_DE_L_AN, POUR_PUBLIER, construire, environnement


def fichiers(dossier: Path) -> dict[str, bytes]:
    return {str(p.relative_to(dossier)): p.read_bytes() for p in sorted(dossier.rglob("*")) if p.is_file()}


@GROUPE_DES_CONSTRUCTIONS
def test_deux_constructions_du_meme_commit_sont_identiques_octet_pour_octet(construction_publiee, tmp_path):
    seconde = construire(ROOT, tmp_path / "b", SOURCE_DATE_EPOCH=JOUR_DE_L_AN, **POUR_PUBLIER)
    assert seconde.returncode == 0, seconde.stderr
    a, b = fichiers(construction_publiee), fichiers(tmp_path / "b")
    assert a.keys() == b.keys()
    differents = [nom for nom in a if a[nom] != b[nom]]
    assert not differents, f"fichiers différents d'une construction à l'autre : {differents[:10]}"


@GROUPE_DES_CONSTRUCTIONS
def test_la_date_du_plan_xml_est_celle_du_commit_et_non_de_l_horloge(construction_publiee):
    plan = (construction_publiee / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2026-01-01</lastmod>" in plan


@GROUPE_DES_CONSTRUCTIONS
def test_le_site_se_construit_aussi_avec_properdocs(construction_publiee, tmp_path):
    properdocs = construire(ROOT, tmp_path / "properdocs", outil="properdocs", **POUR_PUBLIER)
    assert properdocs.returncode == 0, properdocs.stderr
    assert fichiers(construction_publiee).keys() == fichiers(tmp_path / "properdocs").keys()


def test_make_build_avec_des_donnees_fausses_s_arrete_sans_laisser_de_site(copie_du_projet):
    (copie_du_projet / "site").mkdir()  # an earlier, good build
    (copie_du_projet / "site" / "index.html").write_text("ancienne version")
    donnees = copie_du_projet / "data" / "plateformes.yaml"
    texte = donnees.read_text(encoding="utf-8")
    debut = texte.index('- departement: "29"')
    donnees.write_text(texte[:debut] + texte[debut:].replace("  telephone:", "  telephon: 02 00 00 00 00", 1), encoding="utf-8")
    resultat = subprocess.run(["make", "--no-print-directory", "build"], cwd=copie_du_projet, capture_output=True, text=True, env=environnement())
    assert resultat.returncode != 0
    assert "[département 29] telephon: champ inconnu" in resultat.stderr
    assert "Traceback" not in resultat.stdout + resultat.stderr
    assert not (copie_du_projet / "site").exists() and not (copie_du_projet / "site.partiel").exists()


def test_mkdocs_seul_refuse_aussi_des_donnees_fausses_sans_trace_python(copie_du_projet, tmp_path):
    donnees = copie_du_projet / "data" / "plateformes.yaml"
    donnees.write_text(donnees.read_text(encoding="utf-8").replace('"974"', '"975"'), encoding="utf-8")
    resultat = construire(copie_du_projet, tmp_path / "sortie")
    assert resultat.returncode != 0
    sortie = resultat.stdout + resultat.stderr
    assert "[département 975] departement: code de département inconnu" in sortie
    assert "[département 974] departement: fiche manquante" in sortie
    assert "Traceback" not in sortie
    assert not (tmp_path / "sortie" / "index.html").exists()


def test_une_fiche_ancienne_est_listee_par_la_construction_et_sur_la_page_contribuer(copie_du_projet, tmp_path):
    donnees = copie_du_projet / "data" / "plateformes.yaml"
    texte = donnees.read_text(encoding="utf-8")
    debut = texte.index('- departement: "05"')
    donnees.write_text(texte[:debut] + texte[debut:].replace("date_maj: 2026-11-23", "date_maj: 2024-03-01", 1), encoding="utf-8")
    resultat = construire(copie_du_projet, tmp_path / "sortie", SOURCE_DATE_EPOCH="1795392000")  # 2026-11-23
    assert resultat.returncode == 0, resultat.stderr
    assert "Fiche à revérifier : département 05 (dernière vérification le 2024-03-01)" in resultat.stderr
    page = (tmp_path / "sortie" / "contribuer" / "index.html").read_text(encoding="utf-8")
    assert 'href="../departements/05/">Hautes-Alpes (05)</a> : dernière vérification le 1er mars 2024' in page
    assert "Ain (01)" not in page  # checked this year: not listed


def test_un_glossaire_ou_des_reglages_faux_arretent_aussi_la_construction(copie_du_projet, tmp_path):
    glossaire = copie_du_projet / "data" / "glossaire.yaml"
    glossaire.write_text(glossaire.read_text(encoding="utf-8").replace("  developpe:", "  developé:", 1), encoding="utf-8")
    config = copie_du_projet / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  editeur:", "  editeurs:", 1), encoding="utf-8")
    resultat = construire(copie_du_projet, tmp_path / "sortie")
    sortie = resultat.stdout + resultat.stderr
    assert resultat.returncode != 0
    assert "data/glossaire.yaml:" in sortie and "developé: champ inconnu" in sortie
    assert "mkdocs.yml:" in sortie and "[extra] editeurs: champ inconnu" in sortie
    assert "Traceback" not in sortie
    assert not (tmp_path / "sortie" / "index.html").exists()
