"""MkDocs hooks: thin glue between MkDocs and the `emploi_accompagne` package.

Pages of docs/ whose front matter says `gabarit: true` are rendered by the site's one Jinja
environment (emploi_accompagne.templating) with the values computed at build time:
`extra` (mkdocs.yml, validated), `glossaire`, `plan_du_site`, `fiches_a_reverifier`, `couverture`.
Every page then gets the `<abbr>` definitions of the acronyms it uses.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

import rjsmin
from mkdocs_glue import stop_build

from emploi_accompagne import glossaire
from emploi_accompagne.annuaire import chemins, fraicheur
from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_annuaire
from emploi_accompagne.annuaire.couverture import Couverture
from emploi_accompagne.configuration import est_une_publication, valider_extra, verifier_publication
from emploi_accompagne.horloge import date_de_construction
from emploi_accompagne.plan import EntreeDuPlan, plan_markdown, titre_de_la_source
from emploi_accompagne.templating import cache_des_gabarits, rendre_markdown

_state: dict = {}


def on_config(config):
    # The files of the project being built, next to its mkdocs.yml.
    _state["racine"] = Path(config.config_file_path).parent
    problemes = []
    for verifier in (
        lambda: _state.update(glossaire=glossaire.charger_glossaire(_state["racine"] / "data" / glossaire.FICHIER_GLOSSAIRE.name)),
        # For a build meant for the public, also every value of the legal notice and the proposals' address.
        lambda: verifier_publication(config.site_url, config.config_file_path)
        if est_une_publication(config.site_url) else valider_extra(config.config_file_path),
    ):
        try:
            verifier()
        except DonneesInvalides as error:
            problemes += error.problemes
    if problemes:
        stop_build(problemes)
    return config


def on_env(env, config, files):
    # Material's templates, compiled once and kept in .cache/ until they change.
    env.bytecode_cache = cache_des_gabarits(_state["racine"])
    # The inline scripts of overrides/main.html stay readable there and reach readers minified.
    env.filters["jsmin"] = rjsmin.jsmin
    return env


def on_page_context(context, page, config, nav):
    # A build that stays on this computer names no canonical address: copied online by mistake,
    # its pages would send search engines and shared links to localhost.
    if not est_une_publication(config.site_url):
        page.canonical_url = None
    return context


def on_post_build(config):
    # A sitemap is for search engines and names every page by its absolute address: a build
    # that stays on this computer keeps none (it would list localhost).
    if not est_une_publication(config.site_url):
        for nom in ("sitemap.xml", "sitemap.xml.gz"):
            (Path(config.site_dir) / nom).unlink(missing_ok=True)


def on_nav(nav, config, files):
    _state["nav"] = nav
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("gabarit"):
        markdown = rendre_markdown(markdown, **_valeurs_des_gabarits(page, config))
    return markdown + "\n\n" + glossaire.definitions_des_abreviations(_state["glossaire"], markdown) + "\n"


def _valeurs_des_gabarits(page, config) -> dict:
    # Loading the directory again costs nothing: the loader keeps the last file it read.
    annuaire = charger_annuaire(_state["racine"] / chemins.CHEMIN_YAML_DANS_DEPOT)
    a_reverifier = fraicheur.fiches_a_reverifier(annuaire.plateformes, date_de_construction())
    return {
        "extra": config.extra,
        "site_url": config.site_url,  # the site's address, printed on the sheets
        "glossaire": glossaire.glossaire_markdown(_state["glossaire"]),
        "plan_du_site": plan_markdown(_entrees_du_plan(_state["nav"].items, page)),
        "fiches_a_reverifier": fraicheur.liste_markdown(a_reverifier, depuis=page.file.src_uri),
        # What the département pages give today (the home page's promise, _promesse.md.j2).
        "couverture": Couverture.des(annuaire.plateformes),
    }


def _entrees_du_plan(items, from_page) -> list[EntreeDuPlan]:
    entries = []
    for item in items:
        url = None
        if getattr(item, "file", None) is not None:
            url = posixpath.relpath(item.file.src_uri, posixpath.dirname(from_page.file.src_uri) or ".")
        elif getattr(item, "url", None) and not getattr(item, "children", None):
            url = item.url
        children = _entrees_du_plan(item.children, from_page) if getattr(item, "children", None) else []
        titre = item.title
        if titre is None and getattr(item, "file", None) is not None and item.file.abs_src_path:
            titre = titre_de_la_source(item.file.abs_src_path)
        entries.append(EntreeDuPlan(titre=titre, url=url, enfants=children))
    return entries
