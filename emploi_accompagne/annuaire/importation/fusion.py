"""What a list may change in the directory: the merge rules, as pure functions.

For each field the list gives, the decision is one of:
- identique: the fiche already says the same (values compared once normalised by the
  model: "04 65 71 00 00" and "+33465710000" are the same number);
- ajout: the fiche's field is empty;
- modification: the fiche says something else and was checked before the list's date;
- conflit: the fiche says something else and keeps it (checked on or after the list's
  date, confirmed by the platform, or a list of names already filled);
- ignoré: the fiche's field is empty but the fiche is not to be touched.

A fiche is never touched when the platform confirmed it, nor when it has a source of its
own and was checked after the list's date; nor when it holds facts from another source
(another page, or a confirmation by the platform) that the list does not repeat: the
fiche has one `lien_source`, and once the list becomes it, every fact of the fiche must
be in the list. A changed fiche gets the list as
`lien_source`, the list's date as `date_maj`, and `statut_verification: source-publique`.

The MDPH block has its own source and date: the same rules hold for it alone, against
the block's `lien_source` (given by each row) and `date_maj`. A block is never weakened:
facts from another page that the row does not repeat keep the whole block as it is.
Changing the block leaves the fiche's own source, date and status as they are.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum

from pydantic import ValidationError

from ..chargement import DonneesInvalides, Probleme
from ..erreurs import message_en_francais
from ..modele import (
    CODES_DEPARTEMENTS,
    CONTEXT_DEPARTEMENT,
    Plateforme,
    StatutVerification,
)
from .lecture import CHAMP_DE_COLONNE, CHAMPS_LISTES, COLONNE_DE_CHAMP, GROUPE_MDPH, Ligne

Valeur = str | tuple[str, ...]
CHAMPS = tuple(CHAMP_DE_COLONNE.values())
PREFIXE_GESTIONNAIRE = "structure_gestionnaire."
PREFIXE_MDPH = GROUPE_MDPH + "."
SOURCE_MDPH = PREFIXE_MDPH + "lien_source"
# Free text about the fiche, not a fact about the platform that a source must back.
CHAMPS_SANS_SOURCE = ("remarques",)


class Nature(str, Enum):
    IDENTIQUE = "identique"
    AJOUT = "ajout"
    MODIFICATION = "modification"
    CONFLIT = "conflit"
    IGNORE = "ignoré"


@dataclass(frozen=True)
class Decision:
    champ: str
    dans_fichier: Valeur | None
    dans_liste: Valeur
    nature: Nature
    raison: str = ""


@dataclass(frozen=True)
class BilanFiche:
    """What the list does to one fiche; `fiche` is the new entry, or None when unchanged."""

    ligne: Ligne
    decisions: tuple[Decision, ...]
    fiche: Plateforme | None

    @property
    def departement(self) -> str:
        return self.ligne.departement

    def nombre(self, nature: Nature) -> int:
        return sum(d.nature is nature for d in self.decisions)

    def de_nature(self, nature: Nature) -> list[Decision]:
        return [d for d in self.decisions if d.nature is nature]

    def change_la_plateforme(self) -> bool:
        """Whether the platform's own fields change (not only the MDPH block)."""
        return any(not _du_mdph(d.champ) for d in self.decisions if d.nature in (Nature.AJOUT, Nature.MODIFICATION))


@dataclass(frozen=True)
class Fusion:
    bilans: tuple[BilanFiche, ...]  # in the official order of the départements

    def fiches_modifiees(self) -> dict[str, Plateforme]:
        return {b.departement: b.fiche for b in self.bilans if b.fiche is not None}

    def total(self, nature: Nature) -> int:
        return sum(b.nombre(nature) for b in self.bilans)


# --- Values -------------------------------------------------------------------------------------


def _du_mdph(champ: str) -> bool:
    return champ.startswith(PREFIXE_MDPH)


def valeurs_de_fiche(plateforme: Plateforme) -> dict[str, Valeur | None]:
    """The importable fields of a fiche, flat, as the model normalised them."""
    gestionnaire = plateforme.structure_gestionnaire
    valeurs: dict[str, Valeur | None] = {}
    for champ in CHAMPS:
        if champ.startswith(PREFIXE_GESTIONNAIRE):
            valeurs[champ] = getattr(gestionnaire, champ.removeprefix(PREFIXE_GESTIONNAIRE)) if gestionnaire else None
        elif _du_mdph(champ):
            valeurs[champ] = getattr(plateforme.mdph, champ.removeprefix(PREFIXE_MDPH)) if plateforme.mdph else None
        elif champ in CHAMPS_LISTES:
            valeurs[champ] = tuple(item.nom for item in getattr(plateforme, champ)) or None
        else:
            valeurs[champ] = getattr(plateforme, champ)
    return valeurs


def _donnees(champs: dict[str, Valeur], base: dict) -> dict:
    """`base` (a model dump) with the flat fields set; list fields become items with a name."""
    donnees = dict(base)
    for champ, valeur in champs.items():
        if champ.startswith(PREFIXE_GESTIONNAIRE):
            gestionnaire = dict(donnees.get("structure_gestionnaire") or {})
            gestionnaire[champ.removeprefix(PREFIXE_GESTIONNAIRE)] = valeur
            donnees["structure_gestionnaire"] = gestionnaire
        elif _du_mdph(champ):
            mdph = dict(donnees.get(GROUPE_MDPH) or {})
            mdph[champ.removeprefix(PREFIXE_MDPH)] = valeur
            donnees[GROUPE_MDPH] = mdph
        elif champ in CHAMPS_LISTES:
            donnees[champ] = [{"nom": nom} for nom in valeur]
        else:
            donnees[champ] = valeur
    return donnees


def _problemes(erreur: ValidationError, ligne: Ligne) -> list[Probleme]:
    problemes = []
    for detail in erreur.errors(include_url=False):
        loc = [p for p in detail["loc"] if isinstance(p, str)]
        champ = loc[0] if loc else None
        if champ in ("structure_gestionnaire", GROUPE_MDPH) and len(loc) > 1:
            champ = f"{champ}.{loc[1]}"
        message = message_en_francais(detail)
        position = next((p for p in detail["loc"] if isinstance(p, int)), None)
        if champ in CHAMPS_LISTES and position is not None:
            message = f"élément {position + 1} : {message}"
        problemes.append(ligne.probleme(champ, message))
    return problemes


def valeurs_de_ligne(ligne: Ligne, source: str | None, date: dt.date) -> dict[str, Valeur]:
    """The list's values for one département, checked and normalised by the model itself.

    DonneesInvalides points at the cells (line, column) of the list.
    """
    donnees = _donnees(
        {champ: cellule.valeur for champ, cellule in ligne.cellules.items()},
        {"departement": ligne.departement, "date_maj": date, "lien_source": source,
         "statut_verification": StatutVerification.SOURCE_PUBLIQUE},
    )
    if "structure_gestionnaire" in donnees and "nom" not in donnees["structure_gestionnaire"]:
        # A SIRET without a name is checked on its own; the merge decides whether it fits.
        donnees["structure_gestionnaire"]["nom"] = "?"
    if GROUPE_MDPH in donnees:
        donnees[GROUPE_MDPH]["date_maj"] = date  # the block's source is the row's own, its date the list's
    try:
        modele = Plateforme.model_validate(donnees, context={CONTEXT_DEPARTEMENT: ligne.departement})
    except ValidationError as erreur:
        raise DonneesInvalides(_problemes(erreur, ligne)) from None
    normalisees = valeurs_de_fiche(modele)
    return {champ: normalisees[champ] for champ in ligne.cellules}


# --- Rules --------------------------------------------------------------------------------------


def _raison_confirmee(fiche: Plateforme) -> str | None:
    if fiche.statut_verification is StatutVerification.CONFIRME:
        return "fiche confirmée par la plateforme"
    return None


def _a_une_provenance(fiche: Plateforme) -> bool:
    """Whether the fiche's facts are backed already: by a public page, or by the platform itself."""
    return bool(fiche.lien_source) or fiche.confirmation is not None


def _raison_plus_recente(fiche: Plateforme, date: dt.date) -> str | None:
    if _a_une_provenance(fiche) and fiche.date_maj > date:
        return f"fiche vérifiée le {fiche.date_maj.isoformat()} sur sa source, après la date de la liste"
    return None


def _contacts_des_sites(fiche: Plateforme) -> bool:
    """Whether an antenne holds contacts that only the fiche's own source backs."""
    return any((site.telephone or site.courriel or site.adresse) and not site.lien_source for site in fiche.sites)


def decider(fiche: Plateforme, valeurs: dict[str, Valeur], source: str | None, date: dt.date) -> list[Decision]:
    """The decision for each field the list gives about this fiche."""
    actuelles = valeurs_de_fiche(fiche)
    protection = _raison_confirmee(fiche)
    decisions = []
    for champ, nouvelle in valeurs.items():
        if _du_mdph(champ):
            continue  # a block with its own source: _decider_mdph
        ancienne = actuelles[champ]
        if ancienne == nouvelle:
            nature, raison = Nature.IDENTIQUE, ""
        elif protection:
            nature, raison = (Nature.IGNORE if ancienne is None else Nature.CONFLIT), protection
        elif ancienne is None:
            raison = _raison_plus_recente(fiche, date)
            nature = Nature.IGNORE if raison else Nature.AJOUT
        elif champ in CHAMPS_LISTES:
            nature, raison = Nature.CONFLIT, "une liste de noms déjà remplie n'est jamais remplacée : la compléter à la main"
        elif fiche.date_maj < date:
            nature, raison = Nature.MODIFICATION, ""
        else:
            nature, raison = Nature.CONFLIT, f"fiche vérifiée le {fiche.date_maj.isoformat()}, pas avant la liste"
        decisions.append(Decision(champ, ancienne, nouvelle, nature, raison or ""))
    decisions = _garde_gestionnaire(decisions, actuelles)
    decisions = _garde_source(decisions, fiche, actuelles, source)
    return decisions + _decider_mdph(fiche, {c: v for c, v in valeurs.items() if _du_mdph(c)}, actuelles, date, protection)


def _decider_mdph(fiche: Plateforme, valeurs: dict[str, Valeur], actuelles: dict, date: dt.date,
                  protection: str | None) -> list[Decision]:
    """The same rules for the MDPH block, against its own source and date."""
    if not valeurs:
        return []
    bloc = fiche.mdph
    source = valeurs[SOURCE_MDPH]
    decisions = []
    for champ, nouvelle in valeurs.items():
        if champ == SOURCE_MDPH:
            continue  # the block's source follows its facts (below)
        ancienne = actuelles[champ]
        raison = ""
        if ancienne == nouvelle:
            nature = Nature.IDENTIQUE
        elif protection:
            nature, raison = (Nature.IGNORE if ancienne is None else Nature.CONFLIT), protection
        elif bloc is None:
            nature = Nature.AJOUT
        elif ancienne is None and bloc.date_maj > date:
            nature = Nature.IGNORE
            raison = f"bloc MDPH vérifié le {bloc.date_maj.isoformat()} sur sa source, après la date de la liste"
        elif ancienne is None:
            nature = Nature.AJOUT
        elif bloc.date_maj < date:
            nature = Nature.MODIFICATION
        else:
            nature, raison = Nature.CONFLIT, f"bloc MDPH vérifié le {bloc.date_maj.isoformat()}, pas avant la liste"
        decisions.append(Decision(champ, ancienne, nouvelle, nature, raison))
    if bloc is not None and bloc.lien_source != source and _appliquees(decisions):
        # The block has one lien_source: once it is the row's, the row must back every fact it keeps.
        repris = {d.champ for d in decisions if d.nature in (Nature.IDENTIQUE, Nature.MODIFICATION)}
        non_repris = [
            champ for champ, valeur in actuelles.items()
            if _du_mdph(champ) and champ != SOURCE_MDPH and valeur is not None and champ not in repris
        ]  # fmt: skip
        if non_repris:
            champs = ", ".join(COLONNE_DE_CHAMP[champ] for champ in non_repris)
            raison = f"le bloc MDPH garde des informations d'une autre page, que la liste ne reprend pas : {champs}"
            decisions = [_bloquer(d, raison) for d in decisions]
    if _appliquees(decisions):
        ancienne = bloc.lien_source if bloc else None
        nature = Nature.IDENTIQUE if ancienne == source else Nature.AJOUT if ancienne is None else Nature.MODIFICATION
        decisions.append(Decision(SOURCE_MDPH, ancienne, source, nature))
    return decisions


def _bloquer(decision: Decision, raison: str) -> Decision:
    if decision.nature is Nature.AJOUT:
        return replace(decision, nature=Nature.IGNORE, raison=raison)
    if decision.nature is Nature.MODIFICATION:
        return replace(decision, nature=Nature.CONFLIT, raison=raison)
    return decision


def _appliquees(decisions: list[Decision]) -> dict[str, Valeur]:
    return {d.champ: d.dans_liste for d in decisions if d.nature in (Nature.AJOUT, Nature.MODIFICATION)}


def _garde_gestionnaire(decisions: list[Decision], actuelles: dict) -> list[Decision]:
    """A SIRET or a web site of the structure gestionnaire needs its name."""
    nom = PREFIXE_GESTIONNAIRE + "nom"
    if _appliquees(decisions).get(nom) or actuelles[nom]:
        return decisions
    raison = "pas de nom de structure gestionnaire, ni dans la fiche ni dans la liste"
    return [_bloquer(d, raison) if d.champ.startswith(PREFIXE_GESTIONNAIRE) else d for d in decisions]


def _garde_source(decisions: list[Decision], fiche: Plateforme, actuelles: dict, source: str) -> list[Decision]:
    """Once the list becomes the fiche's only source, it must back every fact the fiche keeps."""
    autre_provenance = (fiche.lien_source and fiche.lien_source != source) or fiche.confirmation is not None
    if not _appliquees(decisions) or not autre_provenance:
        return decisions
    repris = {d.champ for d in decisions if d.nature in (Nature.IDENTIQUE, Nature.MODIFICATION)}
    non_repris = [
        champ for champ, valeur in actuelles.items()
        if valeur is not None and champ not in repris and champ not in CHAMPS_SANS_SOURCE and not _du_mdph(champ)
    ]  # fmt: skip
    if _contacts_des_sites(fiche):
        non_repris.append("coordonnées des sites")
    if not non_repris:
        return decisions
    champs = ", ".join(COLONNE_DE_CHAMP.get(champ, champ) for champ in non_repris)
    raison = f"la fiche garde des informations d'une autre source, que la liste ne reprend pas : {champs}"
    return [_bloquer(d, raison) for d in decisions]


def appliquer(fiche: Plateforme, decisions: list[Decision], source: str | None, date: dt.date) -> Plateforme | None:
    """The fiche with the list's additions and changes, its source and date; None if nothing changes.
    A change of the MDPH block alone dates the block, not the fiche."""
    champs = _appliquees(decisions)
    if not champs:
        return None
    assert fiche.statut_verification is not StatutVerification.CONFIRME  # decider never changes one
    donnees = _donnees(champs, fiche.model_dump())
    if any(not _du_mdph(champ) for champ in champs):
        donnees.update(lien_source=source, date_maj=date, statut_verification=StatutVerification.SOURCE_PUBLIQUE)
    if any(_du_mdph(champ) for champ in champs):
        donnees[GROUPE_MDPH]["date_maj"] = date
    return Plateforme.model_validate(donnees, context={CONTEXT_DEPARTEMENT: fiche.departement})


def fusionner(plateformes: list[Plateforme], lignes: list[Ligne], source: str | None, date: dt.date) -> Fusion:
    """Every département of the list against the directory; DonneesInvalides lists every bad cell."""
    actuelles = {p.departement: p for p in plateformes}
    problemes: list[Probleme] = []
    bilans = []
    for ligne in sorted(lignes, key=lambda l: CODES_DEPARTEMENTS.index(l.departement)):
        try:
            valeurs = valeurs_de_ligne(ligne, source, date)
        except DonneesInvalides as erreur:
            problemes.extend(erreur.problemes)
            continue
        fiche = actuelles[ligne.departement]
        decisions = decider(fiche, valeurs, source, date)
        try:
            nouvelle = appliquer(fiche, decisions, source, date)
        except ValidationError as erreur:
            problemes.extend(_problemes(erreur, ligne))
            continue
        bilans.append(BilanFiche(ligne, tuple(decisions), nouvelle))
    if problemes:
        raise DonneesInvalides(sorted(problemes, key=lambda p: (p.fichier, p.ligne, p.colonne)))
    return Fusion(tuple(bilans))


def _pour_ecrire(fiche: Plateforme) -> dict[str, object]:
    donnees = fiche.model_dump(mode="json")
    donnees["date_maj"] = fiche.date_maj
    if fiche.mdph is not None:  # its name first, as the file writes it; its date a date too
        donnees[GROUPE_MDPH] = {"nom": fiche.mdph.nom, **donnees[GROUPE_MDPH], "date_maj": fiche.mdph.date_maj}
    return donnees


def changements(ancienne: Plateforme, nouvelle: Plateforme) -> dict[str, object]:
    """The top-level fields that differ, as the YAML writer takes them (a date stays a date,
    so that it is written `date_maj: 2026-11-30` like the others)."""
    avant, apres = _pour_ecrire(ancienne), _pour_ecrire(nouvelle)
    return {champ: valeur for champ, valeur in apres.items() if valeur != avant[champ]}
