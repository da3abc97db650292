"""A complete fiche: every optional field of the model filled, for the tests only.

The real data has almost no contact yet, so the built site does not show the full markup
of a département page. This fiche is fake but valid (telephone numbers from the ranges
ARCEP keeps for fiction, example.org addresses); it lives only in temporary files, never in
data/. Its values also carry characters that must be escaped (HTML, Markdown, vCard, CSV).
tests/annuaire/ renders it; tests/helpers/site.py builds a whole site with it (the specimen
site), whose Ain page the accessibility engines check like any other kind of page.
"""
from __future__ import annotations

import re
from pathlib import Path

from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES

DEPARTEMENT = "01"
NOM_PIEGE = 'Plateforme <b>Test</b> ; emploi, "accompagné" & co *étoile* </script>'
FICHE_COMPLETE = '''- departement: "01"
  statut_verification: confirme
  date_maj: 2026-01-15
  confirmation:
    date: 2026-01-20
    moyen: appel au numéro publié par l'ARS
  nom: '{nom}'
  telephone: "04 65 71 00 00"
  courriel: contact@example.org
  site_web: https://example.org/plateforme?a=1&b=2
  adresse: "=1 rue de l'Exemple"
  complement_adresse: "Bâtiment B; 2e étage, porte 3"
  code_postal: "01000"
  commune: Bourg-en-Bresse
  code_insee: "01053"
  horaires_accueil: "Mo-Fr 09:00-12:00,14:00-17:00; PH off"
  accessibilite_lieu: https://acceslibre.beta.gouv.fr/app/exemple/
  remarques: "+Accueil sur rendez-vous -le matin @antenne"
  lien_source: https://example.org/source
  structure_gestionnaire:
    nom: Association Exemple
    siret: "12345678901234"
    site_web: https://example.org/association
  partenaires:
    - nom: Partenaire Un
    - nom: Partenaire Deux
      siret: "98765432109876"
      site_web: https://example.org/deux
  sites:
    - nom: Antenne de Test
      adresse: 2 place de l'Exemple
      code_postal: "01100"
      commune: Oyonnax
      complement_adresse: Rez-de-chaussée
      code_insee: "01283"
      telephone: "04 65 71 00 01"
      courriel: antenne@example.org
      horaires_accueil: "Tu,Th 09:00-12:00"
      accessibilite_lieu: https://acceslibre.beta.gouv.fr/app/exemple-antenne/
      lien_source: https://example.org/antenne
    - nom: Permanence sans coordonnées
  accueil_nouvelles_personnes: liste-d-attente
  delai_premier_rendez_vous: environ six semaines
  contact_avant_prescription: oui
  premier_entretien_a_distance: oui
  prescriptions: "Les conseillers envoient la fiche navette <b>par e-mail</b>."
  courriel_prescripteurs: prescripteurs@example.org
  mdph:
    nom: MDPH de l'Exemple
    site_web: https://example.org/mdph
    telephone: "04 65 71 00 09"
    courriel: mdph@example.org
    adresse: 1 avenue de l'Exemple
    complement_adresse: Accueil au rez-de-chaussée
    code_postal: "01000"
    commune: Bourg-en-Bresse
    code_insee: "01053"
    horaires_accueil: "Mo-Fr 09:00-16:00"
    accessibilite_lieu: https://acceslibre.beta.gouv.fr/app/exemple-mdph/
    lien_source: https://example.org/mdph/contact
    date_maj: 2026-02-01
'''.format(nom=NOM_PIEGE.replace("'", "''"))


def remplacer_fiche(texte: str, code: str, nouvelle: str) -> str:
    """The YAML text with the entry of one département replaced."""
    motif = re.compile(rf'^- departement: "{code}"\n(?:^(?!- departement:).*\n)*', re.MULTILINE)
    resultat, nombre = motif.subn(nouvelle + "\n", texte, count=1)
    assert nombre == 1, f"entry {code} not found"
    return resultat


def annuaire_avec_la_fiche_complete() -> str:
    """The real data file's text, the Ain's entry replaced by the complete fiche."""
    return remplacer_fiche(FICHIER_PLATEFORMES.read_text(encoding="utf-8"), DEPARTEMENT, FICHE_COMPLETE)


def ecrire_annuaire_avec_la_fiche_complete(destination: Path) -> Path:
    destination.write_text(annuaire_avec_la_fiche_complete(), encoding="utf-8")
    return destination
