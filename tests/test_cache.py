"""Le cache de .cache/ : un résultat est calculé une fois pour les mêmes entrées, jamais relu pour
d'autres ; un espace du cache ne grossit pas sans fin."""
from __future__ import annotations

import os

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


def test_au_dela_de_la_limite_les_resultats_les_moins_recemment_utilises_sont_effaces(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "DOSSIER", tmp_path)
    monkeypatch.setattr(cache, "LIMITE", 4)
    monkeypatch.setattr(cache, "_deja_elagues", {str(tmp_path / "essai")})  # no trimming while filling
    for numero in range(6):
        cache.garde_en_cache("essai", (str(numero),), lambda numero=numero: f"résultat {numero}")
    fichiers = sorted((tmp_path / "essai").iterdir())
    for age, fichier in enumerate(fichiers):  # dates of use a second apart, whatever the clock's resolution
        os.utime(fichier, (1_000_000 + age, 1_000_000 + age))
    plus_ancien, plus_recent = fichiers[0].read_text(encoding="utf-8"), fichiers[-1].read_text(encoding="utf-8")
    # A new build: its first result is the least recently used one, read again, then the space is trimmed.
    monkeypatch.setattr(cache, "_deja_elagues", set())
    assert cache.garde_en_cache("essai", (plus_ancien.removeprefix("résultat "),), lambda: "recalculé") == plus_ancien
    restes = {f.read_text(encoding="utf-8") for f in (tmp_path / "essai").iterdir()}
    assert restes == {plus_ancien, plus_recent}  # LIMITE // 2
