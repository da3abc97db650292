"""Opening hours in words: the OpenStreetMap `opening_hours` value as a reader says it.

"Mo-Fr 09:00-12:00,14:00-17:00; PH off" -> "Du lundi au vendredi : de 9 h à 12 h et de 14 h
à 17 h", "Fermé les jours fériés". When the words cannot say everything (a rule past
midnight, a comment, a month), the raw expression is shown as well.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import opening_hours

from .francais import enumerer

# A week without public holiday; no country is given to the parser, so "PH" never applies
# and the result does not depend on the build date.
SEMAINE_DE_REFERENCE = dt.datetime(2026, 3, 2)
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_JOURS_OSM = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_PLAGE = r"\d\d:\d\d-\d\d:\d\d"
# One rule of a plain weekly pattern: optional days ("Mo-Fr", "Mo,We") then time ranges.
_REGLE_HEBDOMADAIRE = re.compile(
    rf"^(?:{_JOURS_OSM}(?:-{_JOURS_OSM})?(?:,{_JOURS_OSM}(?:-{_JOURS_OSM})?)*\s+)?{_PLAGE}(?:,{_PLAGE})*$"
)
_FERIES_FERMES = {"PH off", "PH closed"}


@dataclass(frozen=True)
class HorairesEnMots:
    lignes: tuple[str, ...]  # "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h"
    ferme_jours_feries: bool
    expression: str | None  # the raw value, shown when the words cannot say everything


def _heure(moment: dt.time, fin: bool = False) -> str:
    if fin and moment == dt.time(0, 0):
        return "minuit"
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"


def _plages_par_jour(expression: opening_hours.OpeningHours) -> tuple[list[list[tuple[dt.time, dt.time]]], bool]:
    """Open time ranges of each day of the reference week, and whether anything else showed up."""
    jours: list[list[tuple[dt.time, dt.time]]] = [[] for _ in JOURS]
    autre_chose = False
    fin_semaine = SEMAINE_DE_REFERENCE + dt.timedelta(days=7)
    for debut, fin, etat, commentaire in expression.intervals(SEMAINE_DE_REFERENCE, fin_semaine):
        if commentaire or etat == opening_hours.State.UNKNOWN:
            autre_chose = True
        if etat != opening_hours.State.OPEN:
            continue
        while debut < fin:  # split at midnight
            minuit = dt.datetime.combine(debut.date() + dt.timedelta(days=1), dt.time(0, 0))
            morceau = min(fin, minuit)
            jours[debut.weekday()].append((debut.time(), morceau.time()))
            debut = morceau
    return jours, autre_chose


def _plages_en_mots(plages: list[tuple[dt.time, dt.time]]) -> str:
    if plages == [(dt.time(0, 0), dt.time(0, 0))]:
        return "24 h sur 24"
    morceaux = [f"de {_heure(debut)} à {_heure(fin, fin=True)}" for debut, fin in plages]
    return enumerer(morceaux)


def _jours_en_mots(indices: list[int]) -> str:
    if len(indices) == 7:
        return "tous les jours"
    suites: list[list[int]] = []
    for indice in indices:
        if suites and indice == suites[-1][-1] + 1:
            suites[-1].append(indice)
        else:
            suites.append([indice])
    morceaux: list[str] = []
    for suite in suites:
        if len(suite) >= 3:
            morceaux.append(f"du {JOURS[suite[0]]} au {JOURS[suite[-1]]}")
        else:
            morceaux += [f"le {JOURS[i]}" for i in suite]
    return enumerer(morceaux)


def _dans_la_journee(regle: str) -> bool:
    """Every time range of the rule ends after it starts (no range past midnight)."""
    return all(debut < fin for debut, fin in re.findall(r"(\d\d:\d\d)-(\d\d:\d\d)", regle))


def _est_hebdomadaire(expression: str) -> tuple[bool, bool]:
    """(only plain weekly rules within the day, closed on public holidays)."""
    regles = [regle.strip() for regle in expression.split(";") if regle.strip()]
    feries = any(regle in _FERIES_FERMES for regle in regles)
    autres = [regle for regle in regles if regle not in _FERIES_FERMES]
    simple = all(
        regle == "24/7" or (_REGLE_HEBDOMADAIRE.match(regle) and _dans_la_journee(regle)) for regle in autres
    )
    return simple, feries


def horaires_en_mots(expression: str) -> HorairesEnMots:
    analyse = opening_hours.OpeningHours(expression)
    jours, autre_chose = _plages_par_jour(analyse)
    simple, feries = _est_hebdomadaire(expression)
    groupes: dict[tuple, list[int]] = {}
    for indice, plages in enumerate(jours):
        if plages:
            groupes.setdefault(tuple(plages), []).append(indice)
    lignes = []
    for plages, indices in sorted(groupes.items(), key=lambda item: item[1][0]):
        jours_texte = _jours_en_mots(indices)
        lignes.append(f"{jours_texte[0].upper()}{jours_texte[1:]} : {_plages_en_mots(list(plages))}")
    montrer_expression = not simple or autre_chose or not lignes
    return HorairesEnMots(tuple(lignes), feries, expression if montrer_expression else None)
