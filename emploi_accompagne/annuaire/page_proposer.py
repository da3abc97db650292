"""The page /contribuer/proposer/: propose or correct a fiche without YAML, nor an account.

Everything on the page comes from `formulaire.CHAMPS` (labels, help, sections, order, which
fields are required, which are private, the model's choices and lengths), itself made from the
model: a field added to the model with its `modele.Formulaire` appears here, in the e-mail and
in the GitHub issue form alike. The browser script (docs/assets/proposer.js) reads the
fields from the page, checks them, then writes the proposal in one of two ways, neither
of which needs a server of ours:

- by e-mail (when `extra.annuaire.courriel_propositions` is set in mkdocs.yml): a
  `mailto:` link whose body is plain French, "<libellé> :" + the value on the next line
  (« (pas de réponse) » when empty), every field included, the private contact too;
- on GitHub (when `repo_url` is set): the issue form `proposer-une-fiche.yml`, prefilled
  by the query string (`?template=proposer-une-fiche.yml&<id>=<value>`), public fields only.

Without JavaScript the form stays hidden and the page explains both routes.

Coming from a page that knows the département (or other values), link with the field
ids as query parameters; the département is given by its code:

    /contribuer/proposer/?departement=29
    /contribuer/proposer/?departement=2A&nom=Plateforme%20emploi%20accompagn%C3%A9

From a département page (departements/29/index.md) the relative href is
`../../contribuer/proposer/?departement=29` (see `lien_depuis_departement`).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from markupsafe import Markup, escape

from ..glossaire import abreger_le_html, charger_sigles
from ..templating import rendre_gabarit
from . import chemins, localisation, modele, proposition, recherche
from .formulaire import (
    CHAMPS,
    FICHIER_FORMULAIRE_GITHUB,
    RUBRIQUES,
    SANS_REPONSE_COURRIEL,
    SOURCE_PLATEFORME,
    SOURCE_SANS_PAGE,
    ChampProposition,
    titre_courriel,
)

PAGE_PROPOSER = chemins.PAGE_PROPOSER
PARAMETRE_DEPARTEMENT = chemins.PARAMETRE_DEPARTEMENT
FEUILLE_PROPOSER = "assets/proposer.css"
SCRIPT_PROPOSER = "assets/proposer.js"

OBJET_COURRIEL = "Proposition de fiche"
# GitHub answers 414 past about 8 KB of request line; stay well below (headers count too).
LIMITE_URL_GITHUB = 6000
# A select with this many options or fewer is shown as radio buttons (all choices visible).
MAX_BOUTONS_RADIO = 8

# Shown when the reader gives nothing but the required answers.
MESSAGE_RIEN = "Écrivez au moins une information sur la plateforme, ou une remarque"
# Ends a text cut to fit in GitHub's address.
NOTE_COUPE = " […] (la suite était trop longue pour l'adresse de GitHub)"

NOTE_PRIVEE = (
    "Il n'est envoyé que par e-mail. Le bouton «\u00a0Envoyer sur GitHub\u00a0» ne l'envoie pas : "
    "sur GitHub, tout est public."
)


@dataclass(frozen=True)
class Question:
    """One field as the page shows it."""

    champ: ChampProposition
    forme: str  # "select", "radios", "source", "textarea" or "input"
    type_input: str  # for an input: text, tel, email, url
    format: str | None  # what the script checks: "telephone", "courriel", "https", "code-postal"
    message_vide: str | None  # for a required field
    message_format: str | None
    autocomplete: str  # "off" for the platform's own fields (never the reader's address)
    inputmode: str | None = None
    regles: dict | None = None  # what the script needs to judge a telephone as the model does
    lieu: str | None = None  # "code_postal" or "commune" of the platform: checked with the département

    @property
    def id_html(self) -> str:
        return f"champ-{self.champ.id}"

    @property
    def regles_de_texte(self) -> str | None:
        """Which of from-issue's rules on a line of text apply (proposition._defauts): "tout" (a value
        of the fiche), "adresse" (a web address: quotes and "#" allowed), "base"; None: not read."""
        # A phone's characters are the model's to judge: it refuses all these and says why, for a number.
        if not self.champ.public or self.forme in ("radios", "select") or self.format == "telephone":
            return None
        if not proposition.lu_comme_la_fiche(self.champ):
            return "base"
        return "adresse" if proposition.est_une_adresse_web(self.champ) else "tout"

    @property
    def je_ne_sais_pas(self) -> bool:
        """An optional choice offers « Je ne sais pas »: a radio button chosen by mistake can be undone."""
        return self.forme == "radios" and not self.champ.obligatoire

    @property
    def par_url_github(self) -> bool:
        return self.champ.public and prerempli_par_github(self.champ)

    @property
    def informative(self) -> bool:
        """An optional public field: a proposal needs at least one of them answered."""
        return not self.champ.obligatoire and self.champ.public


def prerempli_par_github(champ: ChampProposition) -> bool:
    """Whether GitHub takes the field's value from the URL: not for a dropdown of its form.

    As formulaire_github.py builds it, a select is a dropdown there unless it has
    `prerempli_par_url` (then a text input); before that attribute exists, the département.
    """
    if champ.type_html != "select":
        return True
    return getattr(champ, "prerempli_par_url", champ.id == "departement")


def _forme(champ: ChampProposition) -> str:
    if champ.id == "source":
        return "source"  # a choice between a public page (its address) and SOURCE_SANS_PAGE
    if champ.type_html == "select":
        return "radios" if len(champ.options) <= MAX_BOUTONS_RADIO else "select"
    return "textarea" if champ.type_html == "textarea" else "input"


def _format(champ: ChampProposition) -> str | None:
    if champ.chemin and champ.chemin[-1] == "code_postal":
        return "code-postal"
    return {"tel": "telephone", "email": "courriel", "url": "https"}.get(champ.type_html)


MESSAGES_FORMAT = {
    "telephone": "{libelle} : écrivez un numéro de 10 chiffres, par exemple 04 74 00 00 00, ou un numéro qui commence par +33",
    "courriel": "{libelle} : écrivez une adresse e-mail complète, par exemple nom@exemple.fr",
    "https": "{libelle} : écrivez l'adresse complète de la page, qui commence par https://",
    "code-postal": "{libelle} : écrivez les 5 chiffres du code postal, par exemple 29000",
}


def _message_vide(champ: ChampProposition, forme: str) -> str | None:
    if not champ.obligatoire:
        return None
    if forme == "source":
        return f"{champ.libelle} : dites d'où viennent ces informations"
    if forme == "select":
        return f"{champ.libelle} : choisissez dans la liste"
    if forme == "radios":
        return f"{champ.libelle} : choisissez une réponse"
    return f"{champ.libelle} : ce champ est à remplir"


def question(champ: ChampProposition) -> Question:
    forme = _forme(champ)
    format_ = "https" if forme == "source" else _format(champ)
    return Question(
        champ=champ,
        forme=forme,
        type_input=champ.type_html if champ.type_html in ("tel", "email", "url") else "text",
        format=format_,
        message_vide=_message_vide(champ, forme),
        message_format=MESSAGES_FORMAT[format_].format(libelle=champ.libelle) if format_ else None,
        # Autofill offers the reader's own data: fine for their contact, wrong (and then
        # published) in the platform's address or telephone.
        autocomplete=champ.autocomplete if (champ.autocomplete and not champ.public) else "off",
        inputmode="numeric" if format_ == "code-postal" else None,
        regles=regles_telephone() if format_ == "telephone" else None,
        lieu=champ.chemin[0] if champ.chemin in (("code_postal",), ("commune",)) else None,
    )


def index_des_communes() -> str:
    """The finder's index, as the page's script fetches it (relative to the page)."""
    return chemins.url_relative(PAGE_PROPOSER, f"{chemins.DOSSIER_TROUVER}/{recherche.DOSSIER_INDEX}/")


# phonenumbers' metadata holds one pattern of national numbers per type of number.
_DESCRIPTIONS = {
    phonenumbers.PhoneNumberType.FIXED_LINE: "fixed_line",
    phonenumbers.PhoneNumberType.MOBILE: "mobile",
    phonenumbers.PhoneNumberType.TOLL_FREE: "toll_free",
    phonenumbers.PhoneNumberType.VOIP: "voip",
    phonenumbers.PhoneNumberType.UAN: "uan",
    phonenumbers.PhoneNumberType.PREMIUM_RATE: "premium_rate",
    phonenumbers.PhoneNumberType.SHARED_COST: "shared_cost",
}


def _motif(regions: list[str], types) -> str:
    motifs = []
    for region in regions:
        metadonnees = phonenumbers.PhoneMetadata.metadata_for_region(region)
        for genre in types:
            description = getattr(metadonnees, _DESCRIPTIONS[genre], None) if genre in _DESCRIPTIONS else None
            if description is not None and description.national_number_pattern:
                motifs.append(description.national_number_pattern.replace("\\d", "[0-9]"))
    return "|".join(dict.fromkeys(motifs))


def regles_telephone() -> dict:
    """modele.normalise_telephone's rule for the page's script, from the same sources: the same
    characters and messages, and, per calling code of the French regions, the national numbers
    it accepts and those it refuses as surcharged (patterns of phonenumbers' metadata)."""
    regions: dict[str, list[str]] = {}
    for region in sorted(modele.REGIONS_FRANCAISES):
        regions.setdefault(str(phonenumbers.country_code_for_region(region)), []).append(region)
    return {
        "separateurs": modele.SEPARATEURS_TELEPHONE,
        "indicatifs": {
            code: {"joignables": _motif(liste, modele.TYPES_JOIGNABLES), "surtaxes": _motif(liste, modele.TYPES_SURTAXES)}
            for code, liste in regions.items()
        },
        # A number written without "+" is read in the département's region, as the model does.
        "departements": {
            code: str(phonenumbers.country_code_for_region(region)) for code, region in modele.REGION_TELEPHONE.items()
        },
        "indicatif_par_defaut": str(phonenumbers.country_code_for_region("FR")),
        "messages": {
            "lettres": modele.MESSAGE_LETTRES,
            "plus": modele.MESSAGE_PLUS,
            "caractere": modele.MESSAGE_CARACTERE,
            "surtaxe": modele.MESSAGE_SURTAXE,
        },
    }


def questions(avec_champs_prives: bool = True) -> list[Question]:
    """The page's fields in CHAMPS order; private ones only when the e-mail route exists."""
    return [question(champ) for champ in CHAMPS if champ.public or avec_champs_prives]


def rubriques(liste: list[Question]) -> list[tuple[str, list[Question]]]:
    """(title, questions) of each section of the form that has questions, in RUBRIQUES order."""
    return [(titre, dedans) for cle, titre in RUBRIQUES if (dedans := [q for q in liste if q.champ.rubrique == cle])]


# --- The proposal as text ---------------------------------------------------------------------


def bloc(valeurs: dict[str, str], champs: tuple[ChampProposition, ...] = CHAMPS) -> str:
    """The e-mail's text, plain French: "<libellé> :", the value on the next lines or « (pas de réponse) ».

    The page's script writes the same text (tested against this function); from-issue reads it.
    """
    parties = [
        f"{titre_courriel(champ.libelle)}\n{(valeurs.get(champ.id) or '').strip() or SANS_REPONSE_COURRIEL}"
        for champ in champs
    ]
    return "\n\n".join(parties) + "\n"


def modele_courriel() -> str:
    """What a reader without the form writes: the headings ("Téléphone :"), a blank line under each."""
    return "\n\n\n".join(titre_courriel(champ.libelle) for champ in CHAMPS) + "\n\n"


def url_formulaire_github(repo_url: str) -> str:
    return f"{repo_url.rstrip('/')}/issues/new?template={Path(FICHIER_FORMULAIRE_GITHUB).name}"


def lien_depuis_departement(code: str) -> str:
    """The href from a département page to this page, département chosen."""
    return chemins.url_proposition(chemins.chemin_page(code), code)


# --- The page -----------------------------------------------------------------------------------


def page_proposer(parametres) -> str:
    """The Markdown page; `parametres` is a pages.ParametresSite (repo_url, courriel_propositions)."""
    courriel = parametres.courriel_propositions or None  # an e-mail address: checked with mkdocs.yml's extra
    repo_url = parametres.repo_url.rstrip("/") if parametres.repo_url else None
    liste = questions(avec_champs_prives=courriel is not None)
    return rendre_gabarit(
        "proposer.md.j2",
        rubriques=rubriques(liste),
        a_choisir_sur_github=[q.champ.libelle for q in liste if q.champ.public and not q.par_url_github],
        courriel=courriel,
        lien_modele=chemins.url_courriel(courriel, OBJET_COURRIEL, modele_courriel()) if courriel else None,
        modele=modele_courriel(),
        github_vide=url_formulaire_github(repo_url) if repo_url else None,
        github_nouveau=f"{repo_url}/issues/new" if repo_url else None,
        modele_github=Path(FICHIER_FORMULAIRE_GITHUB).name,
        sans_reponse=SANS_REPONSE_COURRIEL,
        source_sans_page=SOURCE_SANS_PAGE,
        source_plateforme=SOURCE_PLATEFORME,
        objet=OBJET_COURRIEL,
        message_rien=MESSAGE_RIEN,
        note_coupe=NOTE_COUPE,
        limite_url=LIMITE_URL_GITHUB,
        note_privee=NOTE_PRIVEE,
        script=chemins.url_relative(PAGE_PROPOSER, SCRIPT_PROPOSER),
        feuille=FEUILLE_PROPOSER,
        index_communes=index_des_communes(),
        regles_lieu=localisation.regles_du_formulaire(),
        regles_texte={**proposition.regles_du_formulaire(), "encadrements": modele.ENCADREMENTS_DE_COURRIEL},
        abreger=abreviations(charger_sigles()),
    )


def abreviations(sigles):
    """What gives a help text its acronyms in <abbr title>: Markdown's abbreviations skip the
    form, which is an HTML block."""
    return lambda texte: Markup(abreger_le_html(str(escape(texte)), sigles))
