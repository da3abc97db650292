"""Le cache de .cache/ : un résultat est calculé une fois pour les mêmes entrées, jamais relu pour d'autres."""
from __future__ import annotations

from emploi_accompagne import cache
from emploi_accompagne.annuaire.pages import qr_code_svg


def test_un_resultat_est_calcule_une_fois_pour_les_memes_entrees(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "DOSSIER", tmp_path)
    calculs = []

    def calcul(valeur):
        calculs.append(valeur)
        return f"résultat {valeur}"

    assert cache.garde_en_cache("essai", ("outil 1.0", "a"), lambda: calcul("a")) == "résultat a"
    assert cache.garde_en_cache("essai", ("outil 1.0", "a"), lambda: calcul("a")) == "résultat a"
    assert calculs == ["a"]
    # Another input, or another version of the tool: computed again.
    assert cache.garde_en_cache("essai", ("outil 1.0", "b"), lambda: calcul("b")) == "résultat b"
    assert cache.garde_en_cache("essai", ("outil 2.0", "a"), lambda: calcul("a")) == "résultat a"
    assert calculs == ["a", "b", "a"]
    assert not list(tmp_path.rglob("*.partiel"))


def test_le_qr_code_en_cache_est_celui_que_segno_calcule(tmp_path, monkeypatch):
    url = "https://exemple.fr/departements/29/"
    monkeypatch.setattr(cache, "DOSSIER", tmp_path / "vide")
    calcule = qr_code_svg(url)
    relu = qr_code_svg(url)  # from the file written by the first call
    assert list((tmp_path / "vide" / "qr").iterdir())
    assert calcule == relu and calcule.startswith('<svg aria-hidden="true" ')
    assert qr_code_svg("https://exemple.fr/departements/30/") != calcule
