"""Une fiche non vérifiée depuis plus de 12 mois est signalée, les plus anciennes d'abord."""
import datetime as dt

from emploi_accompagne.annuaire.fraicheur import date_limite, fiches_a_reverifier, message_de_construction
from emploi_accompagne.annuaire.modele import Plateforme


def fiche(code: str, date: str) -> Plateforme:
    return Plateforme(departement=code, date_maj=date, statut_verification="a-completer")


def test_la_limite_est_douze_mois_avant_aujourd_hui():
    assert date_limite(dt.date(2026, 11, 23)) == dt.date(2025, 11, 23)
    assert date_limite(dt.date(2028, 2, 29)) == dt.date(2027, 2, 28)
    assert date_limite(dt.date(2026, 1, 31)) == dt.date(2025, 1, 31)


def test_seules_les_fiches_de_plus_de_douze_mois_sont_a_reverifier():
    fiches = [fiche("01", "2025-11-22"), fiche("02", "2025-11-23"), fiche("03", "2024-01-01"), fiche("04", "2026-11-01")]
    anciennes = fiches_a_reverifier(fiches, dt.date(2026, 11, 23))
    assert [p.departement for p in anciennes] == ["03", "01"]
    assert message_de_construction(anciennes)[0] == (
        "Fiche à revérifier : département 03 (dernière vérification le 2024-01-01)"
    )
