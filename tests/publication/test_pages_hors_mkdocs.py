"""Les pages générées existent aussi en fichiers ordinaires, sans MkDocs (pour changer d'outil un jour)."""
import subprocess
import sys

from emploi_accompagne.annuaire.chargement import charger_annuaire
from emploi_accompagne.annuaire.pages import ParametresSite, contenus, fichiers_annuaire
from emploi_accompagne.paths import ROOT


def test_la_commande_pages_ecrit_les_memes_fichiers_que_ceux_du_site(tmp_path):
    resultat = subprocess.run(
        [sys.executable, "-m", "emploi_accompagne", "pages", str(tmp_path)], cwd=ROOT, capture_output=True, text=True
    )
    assert resultat.returncode == 0, resultat.stderr
    attendus = contenus(fichiers_annuaire(charger_annuaire(), ParametresSite(branche="main")))
    ecrits = {str(p.relative_to(tmp_path)): p.read_bytes().decode("utf-8") for p in tmp_path.rglob("*") if p.is_file()}
    assert ecrits == attendus
    assert "# Corse-du-Sud (2A)" in ecrits["departements/2a/index.md"]
    assert "MkDocs" not in resultat.stdout + resultat.stderr
