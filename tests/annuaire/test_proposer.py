"""La page « Proposer une fiche » générée sans MkDocs : tout vient de formulaire.CHAMPS, fait du
modèle (un champ du modèle avec sa question y arrive seul, avec le genre de saisie de son type),
l'e-mail n'apparaît que s'il est configuré, la donnée privée ne part jamais vers GitHub."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import posixpath
import re
from typing import Annotated
from urllib.parse import parse_qs, unquote, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.structure.files import Files
from pydantic import Field, ValidationError

from emploi_accompagne import referentiel
from emploi_accompagne.annuaire import chemins, formulaire, formulaire_github, modele, page_proposer, pages, proposition
from emploi_accompagne.annuaire.erreurs import message_en_francais
from emploi_accompagne.annuaire.formulaire import (
    CHAMPS,
    SANS_REPONSE_COURRIEL,
)
from tests.helpers.modules import load_hook
from tests.helpers.site import ROOT

from .conftest import REPO_URL

COURRIEL = "propositions@example.org"
AVEC_TOUT = pages.ParametresSite(repo_url=REPO_URL, courriel_propositions=COURRIEL)
SANS_COURRIEL = pages.ParametresSite(repo_url=REPO_URL)
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def html_de(parametres) -> BeautifulSoup:
    corps = page_proposer.page_proposer(parametres).split("\n---\n", 1)[1]
    return BeautifulSoup(markdown.markdown(corps, extensions=EXTENSIONS), "html.parser")


def lire_bloc(texte: str) -> dict[str, str]:
    """The e-mail's text, "<libellé> :" + value on the next lines, read back: libellé -> value.

    Only the known labels start a field, so a value's own line "… :" stays in the value.
    """
    titres = "|".join(re.escape(champ.libelle) for champ in CHAMPS)
    parties = re.split(rf"^({titres}) :\n", texte.replace("\r\n", "\n"), flags=re.MULTILINE)[1:]
    return {libelle: valeur.strip() for libelle, valeur in zip(parties[::2], parties[1::2])}


@pytest.fixture(scope="module")
def page():
    return html_de(AVEC_TOUT)


# --- Une seule liste de champs ------------------------------------------------------------------


def test_chaque_champ_de_la_liste_est_sur_la_page_dans_le_meme_ordre(page):
    sur_la_page = [(c["data-champ"], c["data-libelle"]) for c in page.select("#proposer [data-champ]")]
    assert sur_la_page == [(champ.id, champ.libelle) for champ in CHAMPS]


def test_les_questions_sur_la_plateforme_sont_les_champs_du_modele_qui_ont_leur_question():
    """Label and section from the field's `Formulaire`, help from it or from the field's description."""
    du_modele = [(nom, info) for nom, info in modele.Plateforme.model_fields.items()
                 if isinstance(info.json_schema_extra, modele.Formulaire)]
    assert [c.id for c in CHAMPS if c.chemin and c.id != "departement"] == sorted(
        (nom for nom, _ in du_modele),
        key=lambda nom: [r for r, _ in formulaire.RUBRIQUES].index(modele.Plateforme.model_fields[nom].json_schema_extra.rubrique),
    )
    for nom, info in du_modele:
        question = info.json_schema_extra
        assert formulaire.champ(nom).libelle == question.libelle
        assert formulaire.champ(nom).aide == (info.description if question.aide is None else question.aide)
        assert formulaire.champ(nom).rubrique == question.rubrique


def test_le_genre_de_saisie_vient_du_type_du_modele(page):
    def genre(identifiant):
        conteneur = page.select_one(f"[data-champ={identifiant}]")
        if conteneur.name == "fieldset":
            return "radios", [label.get_text() for label in conteneur.select(".proposer-radio label")]
        saisie = conteneur.select_one("input, select, textarea")
        return saisie.name, saisie.get("type")

    assert genre("telephone") == ("input", "tel")  # modele.Telephone
    assert genre("courriel") == genre("courriel_prescripteurs") == ("input", "email")  # modele.Courriel
    assert genre("site_web") == genre("accessibilite_lieu") == ("input", "url")  # modele.UrlHttps
    assert genre("nom") == genre("delai_premier_rendez_vous") == ("input", "text")  # modele.Texte
    assert genre("prescriptions") == ("textarea", None)  # modele.TexteLong
    assert genre("sites") == genre("partenaires") == ("textarea", None)  # a list: one entry per line
    # A choice of the model (an enum): its values in words, and « Je ne sais pas » to undo a click.
    assert genre("accueil_nouvelles_personnes") == ("radios", ["Oui", "Oui, avec une liste d'attente", "Non", "Je ne sais pas"])
    assert genre("contact_avant_prescription") == ("radios", ["Oui", "Non", "Je ne sais pas"])
    assert genre("departement") == ("select", None)


class PlateformeAvecDeuxChampsDePlus(modele.Plateforme):
    """The model as a developer would extend it: two fields, each with its question."""

    langue_des_signes: Annotated[
        modele.OuiNon | None,
        Field(description="Accueil en langue des signes française : oui ou non.",
              json_schema_extra=modele.Formulaire("Accueil en langue des signes", "avant-le-contact")),
    ] = None
    ouvert_le_samedi: Annotated[
        bool | None,
        Field(description="Ouvert le samedi matin.", json_schema_extra=modele.Formulaire("Ouvert le samedi", "contacts")),
    ] = None


def test_un_champ_ajoute_au_modele_arrive_dans_la_page_l_issue_et_from_issue_sans_autre_code(monkeypatch):
    champs = formulaire.construire_champs(PlateformeAvecDeuxChampsDePlus)
    for module in (page_proposer, formulaire_github, proposition):
        monkeypatch.setattr(module, "CHAMPS", champs)
    page = html_de(AVEC_TOUT)
    lsf = page.select_one("fieldset[data-champ=langue_des_signes]")
    assert lsf.legend.get_text() == "Accueil en langue des signes"
    assert page.select_one("#champ-langue_des_signes-aide").get_text() == "Accueil en langue des signes française : oui ou non."
    assert [r["value"] for r in lsf.select("input[type=radio]")] == ["Oui", "Non", ""]
    assert lsf.find_previous("h2").get_text() == "Avant de prendre contact"
    assert page.select_one("fieldset[data-champ=ouvert_le_samedi]").find_previous("h2").get_text() == "Où et comment la joindre"
    assert "Accueil en langue des signes :" in page_proposer.modele_courriel()
    # The GitHub issue form: a list of choices.
    [element] = [e for e in formulaire_github.formulaire_github()["body"] if e.get("id") == "langue_des_signes"]
    assert element["type"] == "dropdown" and element["attributes"]["options"] == ["Oui", "Non"]
    # from-issue reads the answers and gives the model its values.
    corps = "\n\n".join(["### Département\n\n29", "### Accueil en langue des signes\n\nOui",
                          "### Ouvert le samedi\n\nNon", "### Source\n\nhttps://exemple.fr/page"])
    blocs = proposition.lire_blocs(corps)
    actuelle = modele.Plateforme(departement="29", date_maj=dt.date(2026, 1, 1), statut_verification="a-completer")
    lecture = proposition._lire_valeurs(blocs, "29", actuelle, set())
    assert lecture.valeurs == {"langue_des_signes": modele.OuiNon.OUI, "ouvert_le_samedi": False}
    fiche = PlateformeAvecDeuxChampsDePlus.model_validate(
        {**actuelle.model_dump(), **lecture.valeurs}, context={modele.CONTEXT_DEPARTEMENT: "29"}
    )
    assert fiche.langue_des_signes is modele.OuiNon.OUI and fiche.ouvert_le_samedi is False


def test_une_rubrique_inconnue_du_formulaire_est_refusee_en_le_disant():
    class Mal(modele.Plateforme):
        x: Annotated[str | None, Field(json_schema_extra=modele.Formulaire("X", "ailleurs"))] = None

    with pytest.raises(ValueError, match="rubrique inconnue du formulaire : ailleurs"):
        formulaire.construire_champs(Mal)


def test_la_longueur_que_le_modele_accepte_est_verifiee_par_le_script_avec_le_message_de_check(page):
    """Each text the model bounds carries its length and the message `check` gives one character past it."""
    minimale = {"departement": "29", "date_maj": "2026-01-01", "statut_verification": "confirme",
                "confirmation": {"date": "2026-01-01", "moyen": "appel"}}
    bornes = page.select("[data-longueur-max]")
    assert {c["data-champ"] for c in bornes} >= {"nom", "adresse", "telephone", "courriel", "delai_premier_rendez_vous",
                                                 "prescriptions", "courriel_prescripteurs", "structure_gestionnaire"}
    for conteneur in bornes:
        champ = formulaire.champ(conteneur["data-champ"])
        valeur: object = "x" * (int(conteneur["data-longueur-max"]) + 1)
        for cle in reversed(champ.chemin[1:]):
            valeur = {cle: valeur}
        with pytest.raises(ValidationError) as refus:
            modele.Plateforme.model_validate({**minimale, champ.chemin[0]: valeur}, context={"departement": "29"})
        [detail] = refus.value.errors()
        assert conteneur["data-message-longueur"] == f"{champ.libelle} : {message_en_francais(detail)}"
    assert not page.select("[data-champ=horaires_accueil][data-longueur-max]")  # asked in words, then translated


def test_chaque_saisie_a_une_vraie_etiquette_et_son_aide(page):
    for saisie in page.select("#proposer input, #proposer select, #proposer textarea"):
        etiquette = page.select_one(f"label[for={saisie['id']}]")
        assert etiquette is not None and etiquette.get_text(strip=True), saisie["id"]
        assert not saisie.has_attr("placeholder")
        for aide in (saisie.get("aria-describedby") or "").split():
            assert page.find(id=aide) is not None, f"{saisie['id']}: aria-describedby={aide!r} introuvable"


def test_les_choix_sont_groupes_dans_un_fieldset_avec_sa_legende(page):
    for nom in ("source", "role"):
        groupe = page.select_one(f"fieldset[data-champ={nom}]")
        assert groupe is not None and groupe.legend is not None
        assert groupe.legend.get_text(" ", strip=True).startswith(formulaire.champ(nom).libelle)
    roles = [radio["value"] for radio in page.select("fieldset[data-champ=role] input[type=radio]")]
    assert roles == list(formulaire.ROLES)
    sources = [label.get_text() for label in page.select("fieldset[data-champ=source] .proposer-radio label")]
    assert sources == ["Une page publique donne ces informations", "Aucune page publique ne les donne"]


def test_une_seule_reponse_dit_je_travaille_a_la_plateforme(page):
    """The role says it; the source then says only whether a public page gives the information."""
    formulaire_html = page.select_one("form#proposer")
    reponses = [label.get_text() for label in formulaire_html.select("label")
                if "travaille à la plateforme" in label.get_text()]
    assert reponses == [formulaire.ROLES[0]]
    assert formulaire_html.select_one("fieldset[data-champ=role]").find_next("fieldset")["data-champ"] == "source"


def test_le_departement_est_une_liste_des_101_departements_obligatoire(page):
    liste = page.select_one("select#champ-departement")
    assert liste.has_attr("required")
    options = [option.get_text() for option in liste.find_all("option")]
    assert options[0] == "Choisir dans la liste" and liste.find("option")["value"] == ""
    assert options[1:] == [f"{dep.code} – {dep.nom}" for dep in referentiel.departements()]
    assert len(options[1:]) == 101 and "2A – Corse-du-Sud" in options


def test_les_questions_obligatoires_le_disent_dans_leur_etiquette(page):
    for champ in CHAMPS:
        conteneur = page.select_one(f"[data-champ={champ.id}]")
        titre = conteneur.find(["label", "legend"]).get_text(" ", strip=True)
        assert titre.endswith("(obligatoire)") == champ.obligatoire, champ.id
        assert conteneur.has_attr("data-obligatoire") == champ.obligatoire


def test_les_formats_verifies_par_le_navigateur_ont_un_message_en_francais(page):
    formats = {c["data-champ"]: c["data-format"] for c in page.select("[data-format]")}
    assert formats == {
        "telephone": "telephone", "courriel": "courriel", "site_web": "https", "code_postal": "code-postal",
        "accessibilite_lieu": "https", "courriel_prescripteurs": "courriel", "source": "https", "contact": "courriel",
    }  # fmt: skip
    for conteneur in page.select("[data-format]"):
        assert conteneur["data-message-format"].startswith(conteneur["data-libelle"] + " : ")


def test_le_champ_telephone_porte_la_regle_du_modele(page):
    """The script judges a number with what the model gives (tests/annuaire/test_proposer_navigateur.py
    compares their verdicts): its characters and messages, phonenumbers' patterns by calling code."""
    [champ] = page.select("[data-champ=telephone]")
    regles = json.loads(champ["data-regles"])
    assert regles == page_proposer.regles_telephone()
    assert regles["messages"]["lettres"] == modele.MESSAGE_LETTRES == "le numéro contient des lettres (O à la place de 0 ?)"
    assert regles["separateurs"] == modele.SEPARATEURS_TELEPHONE
    assert set(regles["indicatifs"]) == {"33", "262", "590", "594", "596"}
    francais = regles["indicatifs"]["33"]
    assert re.fullmatch(francais["joignables"], "298000000") and not re.fullmatch(francais["joignables"], "899123456")
    assert re.fullmatch(francais["surtaxes"], "899123456") and re.fullmatch(francais["surtaxes"], "810123456")
    assert [c["data-champ"] for c in page.select("[data-regles]")] == ["telephone"]


def test_le_code_postal_et_la_commune_portent_la_regle_du_modele_et_l_index_des_communes(page, fichiers):
    """The script judges the place with the model's messages (localisation.MESSAGES) on the finder's
    index (tests/annuaire/test_proposer_lieu_navigateur.py compares their verdicts)."""
    from emploi_accompagne.annuaire import localisation, recherche

    formulaire_html = page.select_one("form#proposer")
    regles = json.loads(formulaire_html["data-regles-lieu"])
    assert regles == json.loads(json.dumps(localisation.regles_du_formulaire()))
    assert regles["messages"] == localisation.MESSAGES
    assert ["19", "Corrèze", "en Corrèze", "19"] in regles["departements"] and ["2A", "Corse-du-Sud", "en Corse-du-Sud", "20"] in regles["departements"]
    assert [(c["data-champ"], c["data-lieu"]) for c in page.select("[data-lieu]")] == [("code_postal", "code_postal"), ("commune", "commune")]
    # The index, relative to the page, is the finder's: its files are generated with the site.
    index = posixpath.normpath(posixpath.join(chemins.url_de(chemins.PAGE_PROPOSER), formulaire_html["data-index-communes"]))
    assert f"{index}/departements.json" == f"{chemins.DOSSIER_TROUVER}/{recherche.FICHIER_DEPARTEMENTS}"
    assert f"{chemins.DOSSIER_TROUVER}/{recherche.FICHIER_DEPARTEMENTS}" in fichiers


def test_le_navigateur_ne_remplit_jamais_les_champs_de_la_plateforme_avec_les_donnees_du_lecteur(page):
    # Autofill would put the reader's own address or phone in a fiche, then on GitHub.
    for champ in CHAMPS:
        for saisie in page.select(f"[data-champ={champ.id}] input:not([type=radio]), [data-champ={champ.id}] textarea"):
            attendu = champ.autocomplete if not champ.public else "off"
            assert saisie["autocomplete"] == attendu, champ.id
    assert page.select_one("#champ-contact")["autocomplete"] == "email"


def test_le_formulaire_est_cache_sans_javascript_et_verifie_par_le_script(page):
    formulaire_html = page.select_one("form#proposer")
    assert formulaire_html.has_attr("hidden") and formulaire_html.has_attr("novalidate")
    assert page.select_one("#proposer-sans-js") is not None
    # Raw HTML, not paragraphs that Markdown would have wrapped around the fields.
    assert not formulaire_html.select("p > input, p > select, p > textarea, p > div")
    assert page.select_one("script[src='../../assets/proposer.js'][defer]") is not None


# --- Les deux façons d'envoyer ------------------------------------------------------------------


def test_sans_adresse_configuree_ni_bouton_e_mail_ni_champ_de_contact():
    page = html_de(SANS_COURRIEL)
    assert page.select_one("#proposer-envoyer-courriel") is None
    assert page.select_one("[data-champ=contact]") is None
    assert not page.select("a[href^='mailto:']")
    assert not page.select_one("#proposer").has_attr("data-courriel")
    assert page.select_one("#proposer-envoyer-github") is not None


def test_avec_une_adresse_le_bouton_e_mail_et_le_contact_prive(page):
    assert page.select_one("#proposer")["data-courriel"] == COURRIEL
    assert page.select_one("button#proposer-envoyer-courriel").get_text() == "Envoyer par e-mail"
    contact = page.select_one("[data-champ=contact]")
    assert contact.has_attr("data-prive")
    aide = page.select_one("#champ-contact-aide").get_text()
    assert "Seuls les responsables" in aide and "GitHub" in aide and "public" in aide


def test_sans_depot_pas_de_bouton_github():
    page = html_de(pages.ParametresSite(courriel_propositions=COURRIEL))
    assert page.select_one("#proposer-envoyer-github") is None
    assert not page.select_one("#proposer").has_attr("data-github")
    assert page.select_one("#proposer-envoyer-courriel") is not None


def test_une_liste_de_choix_de_github_n_est_pas_preremplie_et_la_page_le_dit(page):
    # GitHub cannot prefill a dropdown from the URL: "Vous êtes" and the model's choices are chosen again there.
    hors_url = [c["data-champ"] for c in page.select("[data-hors-url-github]")]
    assert hors_url == [c.id for c in CHAMPS if c.public and c.options and not c.prerempli_par_url]
    assert {"role", "accueil_nouvelles_personnes", "contact_avant_prescription"} <= set(hors_url)
    assert not page.select_one("[data-champ=departement]").has_attr("data-hors-url-github")
    consigne = page.select_one("#proposer-envoyer-github").find_parent("div").get_text(" ", strip=True)
    libelles = ", ".join(f"«\u00a0{formulaire.champ(c).libelle}\u00a0»" for c in hors_url)
    assert f"choisissez à nouveau votre réponse à {libelles}." in consigne


def test_le_formulaire_github_vient_du_depot(page):
    formulaire_html = page.select_one("#proposer")
    assert formulaire_html["data-github"] == f"{REPO_URL}/issues/new"
    assert formulaire_html["data-modele-github"] == "proposer-une-fiche.yml"
    assert page_proposer.url_formulaire_github(REPO_URL + "/") == f"{REPO_URL}/issues/new?template=proposer-une-fiche.yml"


def test_sans_javascript_la_page_explique_les_deux_voies(page):
    liens = {a.get_text(" ", strip=True): a["href"] for a in page.select("a[href]")}
    assert liens["ouvrez le formulaire de proposition sur GitHub"] == page_proposer.url_formulaire_github(REPO_URL)
    assert liens[COURRIEL] == f"mailto:{COURRIEL}"
    modele = urlsplit(liens["écrivez un e-mail à partir du modèle"])
    assert modele.scheme == "mailto" and modele.path == COURRIEL
    requete = parse_qs(modele.query)
    assert requete["subject"] == [page_proposer.OBJET_COURRIEL]
    assert list(lire_bloc(requete["body"][0])) == [champ.libelle for champ in CHAMPS]
    assert page.select_one("details pre code").get_text() == page_proposer.modele_courriel()


def test_une_adresse_mal_ecrite_arrete_la_construction_avec_un_message_clair(tmp_path):
    """Checked with the rest of mkdocs.yml's `extra:` (emploi_accompagne.configuration)."""
    from emploi_accompagne.annuaire.chargement import DonneesInvalides
    from emploi_accompagne.configuration import valider_extra

    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  annuaire:\n    courriel_propositions: propositions.example.org\n", encoding="utf-8")
    with pytest.raises(DonneesInvalides) as erreur:
        valider_extra(config)
    assert str(erreur.value).startswith("mkdocs.yml:3:28: [extra] annuaire.courriel_propositions: adresse e-mail invalide")


# --- Le texte de la proposition ----------------------------------------------------------------


def test_l_e_mail_est_en_francais_simple_sans_titres_markdown():
    texte = page_proposer.bloc({"departement": "29 – Finistère", "nom": "  Plateforme  ", "horaires_accueil": "lundi\nmardi"})
    assert texte.startswith("Département :\n29 – Finistère\n\nNom de la plateforme :\nPlateforme\n\n")
    assert "###" not in texte and "_No response_" not in texte
    valeurs = lire_bloc(texte)
    assert list(valeurs) == [champ.libelle for champ in CHAMPS]
    assert valeurs["Horaires d'accueil"] == "lundi\nmardi"
    assert valeurs["Téléphone"] == SANS_REPONSE_COURRIEL == "(pas de réponse)"


def test_le_lien_e_mail_suit_la_rfc_6068():
    lien = chemins.url_courriel("a+b@example.org", "Objet & co", "ligne 1\nligne 2 ?")
    assert lien == "mailto:a%2Bb@example.org?subject=Objet%20%26%20co&body=ligne%201%0D%0Aligne%202%20%3F"
    assert unquote(urlsplit(lien).query.split("body=")[1]) == "ligne 1\r\nligne 2 ?"


def test_un_lien_e_mail_sans_objet_ni_texte_n_a_que_l_adresse_et_sans_adresse_le_lecteur_la_choisit():
    assert chemins.url_courriel("contact@exemple.fr") == "mailto:contact@exemple.fr"
    assert chemins.url_courriel(objet="Une fiche") == "mailto:?subject=Une%20fiche"


def test_le_lien_depuis_une_page_de_departement():
    assert page_proposer.lien_depuis_departement("2A") == "../../contribuer/proposer/?departement=2A"


# --- Dans le site -----------------------------------------------------------------------------------


def test_la_page_est_generee_avec_les_autres_a_l_adresse_contribuer_proposer(fichiers):
    texte = fichiers["contribuer/proposer/index.md"]
    assert texte.startswith('---\ntitle: "Proposer une fiche ou une correction"\n')
    assert 'feuilles_de_style: ["assets/proposer.css"]' in texte
    assert 'data-github="https://github.com/exemple/site/issues/new"' in texte


def test_le_hook_transmet_l_adresse_de_mkdocs_yml(monkeypatch):
    hook = load_hook("hooks/annuaire.py", "hook_annuaire_proposer")
    config = load_config(str(ROOT / "mkdocs.yml"))
    monkeypatch.setattr(config.plugins, "_current_plugin", "annuaire", raising=False)
    assert "courriel_propositions" in config.extra["annuaire"]  # the key the publisher fills in
    hook.on_config(config)
    config.extra["annuaire"] = {"courriel_propositions": COURRIEL}
    page = hook.on_files(Files([]), config).get_file_from_path("contribuer/proposer/index.md")
    assert page is not None and page.is_documentation_page()
    assert f'data-courriel="{COURRIEL}"' in page.content_string
    config.extra["annuaire"] = {"courriel_propositions": ""}
    page = hook.on_files(Files([]), config).get_file_from_path("contribuer/proposer/index.md")
    assert "data-courriel" not in page.content_string


def test_parametres_site_garde_l_adresse_facultative():
    assert pages.ParametresSite().courriel_propositions is None
    assert {f.name for f in dataclasses.fields(pages.ParametresSite)} >= {"repo_url", "courriel_propositions"}


def test_contribuer_et_donnees_menent_au_formulaire(fichiers):
    contribuer = (ROOT / "docs" / "contribuer.md").read_text(encoding="utf-8")
    debut = contribuer.split("\n## ", 1)[0]  # before the first section: top of the page
    assert "](contribuer/proposer/index.md){ .md-button .md-button--primary }" in debut
    assert "](contribuer/proposer/index.md)" in fichiers["donnees.md"]


def test_la_recette_ajouter_un_champ_du_readme_dit_vrai():
    """What the README's three lines name exists, and `generer` writes the GitHub issue form."""
    from emploi_accompagne.__main__ import fichiers_derives_du_modele

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    recette = readme[readme.index("**Ajouter un champ**"):]
    recette = recette[: recette.index("\n- **")]
    assert 'json_schema_extra=Formulaire("Libellé", "rubrique")' in recette and "formulaire.RUBRIQUES" in recette
    assert isinstance(modele.Formulaire("Libellé", formulaire.RUBRIQUES[0][0]), modele.Formulaire)
    assert "python -m emploi_accompagne generer" in recette
    assert formulaire_github.CHEMIN_FORMULAIRE_GITHUB in fichiers_derives_du_modele()
    assert (ROOT / "emploi_accompagne/annuaire/templates/departement.md.j2").exists()
    assert "formulaire.CHAMPS" not in readme  # the hand-written list of fields is no more


def test_chaque_texte_porte_les_regles_de_from_issue_qui_sont_les_siennes(page):
    """What from-issue refuses in a line (proposition._defauts, and what GitHub would hide: _texte_invisible), the page's script refuses with the same
    messages (tests/annuaire/test_proposer_avant_le_contact_navigateur.py compares their verdicts)."""
    regles = json.loads(page.select_one("form#proposer")["data-regles-texte"])
    assert regles["messages"] == {**proposition.DEFAUTS, **proposition.INVISIBLES}
    assert set(regles["noms_du_modele"]) >= set(modele.Plateforme.model_fields)
    portees = {c["data-champ"]: c.get("data-texte") for c in page.select("[data-champ]")}
    assert portees["nom"] == portees["prescriptions"] == portees["courriel_prescripteurs"] == "tout"
    assert portees["site_web"] == portees["source"] == "adresse"  # "#" and quotes belong in an address
    assert portees["remarques"] == "base"  # not copied into the fiche
    assert portees["telephone"] is None  # the model's own rule on a number's characters says more
    assert portees["contact"] is None and portees["accueil_nouvelles_personnes"] is None  # private; a choice
