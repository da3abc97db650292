"""RGAA criteria that the built HTML shows, checked on every page without a browser (the grid,
data/accessibilite/audit.yaml, names these tests for the criteria they check)."""
from __future__ import annotations

from tests.helpers.html import normalize_space

PRESENTATION_TAGS = "font, center, big, blink, marquee, strike, tt, basefont"
PRESENTATION_ATTRIBUTES = ("align", "bgcolor", "border", "cellpadding", "cellspacing", "valign", "hspace", "vspace", "background")


def test_chaque_page_est_en_francais(site_page, parsed_site):
    """RGAA 8.3, 8.4."""
    html = parsed_site[site_page.path].soup.html
    assert html is not None and html.get("lang") == "fr", f"{site_page}: <html lang={html.get('lang') if html else None!r}>, expected fr"


def test_aucun_identifiant_en_double(site_page, parsed_site):
    """RGAA 8.2 (with the Nu checker)."""
    ids = [tag["id"] for tag in parsed_site[site_page.path].soup.find_all(id=True)]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    assert not doubles, f"{site_page}: the same id on several elements: {doubles}"


def test_aucun_cadre(site_page, parsed_site):
    """RGAA 2.1, 2.2: the grid says there is no frame; a frame added later must have a title."""
    cadres = parsed_site[site_page.path].soup.select("iframe, frame")
    assert not cadres, f"{site_page}: a frame appeared ({[str(c)[:80] for c in cadres]}): give it a title and update the grid (criteria 2.1 and 2.2)"


def test_aucun_media(site_page, parsed_site):
    """RGAA 4: the grid says there is no media; one added later needs the audit of theme 4."""
    medias = parsed_site[site_page.path].soup.select("video, audio, object, embed")
    assert not medias, f"{site_page}: a media element appeared ({[m.name for m in medias]}): audit theme 4 and update the grid"


def test_chaque_lien_a_un_intitule(site_page, parsed_site):
    """RGAA 6.2 (and the site map's links, 12.3: a page of the navigation without a title once
    gave a link « None »)."""
    soup = parsed_site[site_page.path].soup
    sans = []
    for lien in soup.select("a[href]"):
        if lien.find_parent(attrs={"aria-hidden": "true"}):
            continue  # hidden from assistive technologies and out of the Tab order (the map's enlarged duplicates)
        texte = normalize_space(lien.get_text())
        nom = lien.get("aria-label") or texte or " ".join(img.get("alt", "") for img in lien.select("img")).strip() \
            or " ".join(t.get_text() for t in lien.select("svg > title"))
        if not nom.strip() or texte == "None":
            sans.append(str(lien)[:120])
    assert not sans, f"{site_page}: links without a name: {sans}"


def test_chaque_image_a_une_alternative(site_page, parsed_site):
    """RGAA 1.1, 1.2: every <img> has alt (empty for a decoration); every <svg> is hidden
    (aria-hidden, itself or an ancestor) or named (aria-label, aria-labelledby or <title>)."""
    soup = parsed_site[site_page.path].soup
    problemes = [str(img)[:100] for img in soup.select("img") if img.get("alt") is None]
    for svg in soup.select("svg"):
        if svg.find_parent("svg") or svg.find_parent(attrs={"aria-hidden": "true"}) or svg.get("aria-hidden") == "true":
            continue
        if not (svg.get("aria-label") or svg.get("aria-labelledby") or svg.find("title", recursive=False)):
            problemes.append(str(svg)[:100])
    assert not problemes, f"{site_page}: images without a text alternative or not hidden: {problemes}"


def test_la_hierarchie_des_titres_ne_saute_aucun_niveau(site_page, parsed_site):
    """RGAA 9.1: in the content, one h1 first, then no level skipped going down (h2 → h4)."""
    article = parsed_site[site_page.path].soup.select_one("article") or parsed_site[site_page.path].soup
    niveaux = [int(h.name[1]) for h in article.select("h1, h2, h3, h4, h5, h6")]
    assert niveaux and niveaux[0] == 1, f"{site_page}: the content does not start with an h1 ({niveaux[:3]})"
    sauts = [(avant, apres) for avant, apres in zip(niveaux, niveaux[1:]) if apres > avant + 1]
    assert not sauts, f"{site_page}: heading levels skipped: {sauts}"


def test_chaque_tableau_de_donnees_a_ses_en_tetes(site_page, parsed_site):
    """RGAA 5.3, 5.6, 5.7: every table of the content has header cells (a layout table would
    have none)."""
    sans = [str(t)[:80] for t in parsed_site[site_page.path].soup.select("article table") if not t.select("th")]
    assert not sans, f"{site_page}: tables without <th>: {sans}"


def test_aucune_balise_de_presentation(site_page, parsed_site):
    """RGAA 10.1."""
    soup = parsed_site[site_page.path].soup
    trouves = [t.name for t in soup.select(PRESENTATION_TAGS)]
    trouves += [f"{t.name}[{a}]" for t in soup.find_all(True) for a in PRESENTATION_ATTRIBUTES if t.has_attr(a) and t.name not in ("svg",) and not t.find_parent("svg")]  # noqa: E501
    assert not trouves, f"{site_page}: presentation in the HTML: {trouves[:10]}"


def test_aucune_nouvelle_fenetre(site_page, parsed_site):
    """RGAA 13.2: no link opens a new window."""
    nouvelles = [a.get("href") for a in parsed_site[site_page.path].soup.select("a[target], form[target]") if a.get("target") not in ("_self", "")]
    assert not nouvelles, f"{site_page}: links that open a new window: {nouvelles}"


def test_aucun_rafraichissement_automatique(site_page, parsed_site):
    """RGAA 13.1."""
    assert not parsed_site[site_page.path].soup.select('meta[http-equiv="refresh" i]'), f"{site_page}: <meta http-equiv=refresh>"
