"""The benchmark's report as plain-text tables."""
from __future__ import annotations

from urllib.parse import urlsplit

from .statistiques import Series, format_ratio, kilobytes

# Budgets of issue 5, in bytes (KB of 1,000 bytes), per page type.
BUDGETS = {
    "accueil": 73_000, "contenu": 73_000, "departement": 73_000, "departement_10x": 73_000,
    "index": 110_000, "trouver": 110_000,
}
QUERY_BUDGET = 30_000
KINDS = ("html", "css", "js", "json", "image", "font", "other")
KIND_LABELS = {"html": "HTML", "css": "CSS", "js": "JS", "json": "JSON", "image": "Images", "font": "Polices", "other": "Autres"}


def text_report(results: dict) -> str:
    sections = [_title(results)]
    if "constructions" in results:  # absent with --lighthouse-only
        sections.append(_builds(results))
    if "poids" in results:
        sections += [_weights(results), _resources(results), _finder(results), _search_index(results)]
    if results.get("lighthouse"):
        sections.append(_lighthouse(results["lighthouse"]))
    elif "lighthouse" in results:
        sections.append("Lighthouse : non mesuré (outil absent).")
    return "\n\n".join(sections)


def _table(header: list[str], rows: list[list[str]], align: str | None = None) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows)]
    align = align or "l" + "r" * (len(header) - 1)

    def line(cells):
        return "  ".join(
            str(cell).ljust(width) if a == "l" else str(cell).rjust(width)
            for cell, width, a in zip(cells, widths, align)
        ).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(row) for row in rows)])


def _series(data: dict) -> Series:
    return Series(tuple(data["values"]))


def _title(results: dict) -> str:
    meta = results["meta"]
    return (
        f"=== Banc d'essai : {meta['date']} · Python {meta['python']} · MkDocs {meta['mkdocs']} · "
        f"Material {meta['mkdocs_material']} · {meta['cpus']} cœurs · {meta['runs']} mesures par construction, "
        f"{meta['lighthouse_runs']} par page pour Lighthouse ==="
    )


def _builds(results: dict) -> str:
    b, pages, synth = results["constructions"], results["pages"], results["annuaire_synthetique"]
    rows = [
        ["Notre site (données réelles)", _series(b["site"]).seconds(), str(pages["n"])],
        ["Material d'origine, même nombre de pages", _series(b["stock_n"]).seconds(), str(pages["n"])],
        ["  rapport site / Material", format_ratio(b["ratio_site_stock"]), ""],
        ["`mkdocs serve` : reconstruction après une modification de data/plateformes.yaml, "
         "« Documentation built in »", _series(b["reconstructions_serve"]).seconds(), str(pages["n"])],
        [f"Annuaire 1× ({synth['annuaire_1x']['lieux']} lieux, {kilobytes(synth['annuaire_1x']['octets_yaml'])} de YAML)",
         _series(b["annuaire_1x"]).seconds(), str(pages["n"])],
        [f"Annuaire 10× ({synth['annuaire_10x']['lieux']} lieux, {kilobytes(synth['annuaire_10x']['octets_yaml'])} de YAML)",
         _series(b["annuaire_10x"]).seconds(), str(pages["n"])],
        ["  rapport 10× / 1×", format_ratio(b["ratio_annuaire_10x_1x"]), ""],
        ["Material d'origine, N pages dans le menu", _series(b["stock_n"]).seconds(), str(pages["n"])],
        [f"Material d'origine, 10×N pages dans le menu ({len(b['stock_10n']['values'])} mesures)",
         _series(b["stock_10n"]).seconds(), str(pages["10n"])],
        ["  rapport 10×N / N", format_ratio(b["ratio_stock_10n_n"]), ""],
    ]
    note = (
        f"Pages Material d'origine : texte simple de {pages['caracteres_moyens']} caractères en moyenne "
        "(comme nos pages), `theme: material` seul, pas de nav (toutes les pages dans le menu).\n"
        "Annuaire fictif : 101 fiches complètes, 1 antenne chacune (1×) ou 10 (10×)."
    )
    return "Construction (`mkdocs build --strict`), médiane (min–max)\n" + _table(
        ["Variante", "Durée", "Pages"], rows
    ) + "\n" + note


def _weights(results: dict) -> str:
    pages = results["poids"]["pages"]
    rows = []
    for key, page in pages.items():
        kinds = page["by_kind"]
        budget = BUDGETS.get(key)
        verdict = "" if budget is None else ("ok" if page["total_gzip"] <= budget else "DÉPASSÉ")
        rows.append([
            page["libelle"], page["chemin"],
            *(kilobytes(kinds.get(kind, 0)) if kinds.get(kind) else "-" for kind in KINDS[:-1]),
            kilobytes(page["total_gzip"]), str(len(page["resources"])),
            kilobytes(budget) if budget else "", verdict,
            format_ratio(page["ratio_stock"]) if page.get("ratio_stock") else "",
            f"{page['cls']:.3f}",
        ])
    header = ["Page", "Chemin", *(KIND_LABELS[k] for k in KINDS[:-1]), "Total gzip", "Fichiers", "Budget", "", "/Material", "CLS"]
    return (
        "Poids au chargement (Chromium, cache vide, jusqu'au réseau inactif ; gzip niveau 6 des textes)\n"
        + _table(header, rows, "ll" + "r" * 10 + "l" + "r" * 2)
        + "\n/Material : rapport au total d'une page de contenu du site Material d'origine de N pages."
    )


def _resources(results: dict) -> str:
    """Every file of the first page, then only what each other page adds."""
    pages = results["poids"]["pages"]
    seen: set[str] = set()
    lines = ["Fichiers chargés (gzip) : tout pour la première page, puis seulement les nouveaux"]
    for key, page in pages.items():
        if key in ("stock_accueil", "stock_1_page"):
            seen = set()  # another site: list all its files
        new = [r for r in page["resources"] if _path(r["url"]) not in seen or r is page["resources"][0]]
        lines.append(f"  {page['libelle']} ({page['chemin']})")
        for resource in sorted(new, key=lambda r: -r["gzip"]):
            lines.append(f"    {kilobytes(resource['gzip']):>9}  {_path(resource['url'])}")
        seen |= {_path(r["url"]) for r in page["resources"]}
    return "\n".join(lines)


def _finder(results: dict) -> str:
    queries = results["poids"]["requetes_trouver"]
    if not queries:
        return "Trouver ma plateforme : page absente, requêtes non mesurées."
    rows = [
        [f"« {q['query']} »", kilobytes(q["total_gzip"]), str(len(q["resources"])),
         ", ".join(_path(r["url"]).rsplit("/", 2)[-2] + "/" + _path(r["url"]).rsplit("/", 1)[-1] for r in q["resources"]) or "-",
         str(q["results"]), "ok" if q["total_gzip"] <= QUERY_BUDGET else "DÉPASSÉ"]
        for q in queries
    ]
    return (
        f"Trouver ma plateforme : octets chargés par une requête (page neuve à chaque fois ; budget {kilobytes(QUERY_BUDGET)})\n"
        + _table(["Requête", "gzip", "Fichiers", "Lesquels", "Résultats", ""], rows, "lrrlrl")
    )


def _search_index(results: dict) -> str:
    index = results["index_recherche"]
    rows = [
        [label, kilobytes(sizes["raw"]), kilobytes(sizes["gzip"])]
        for label, sizes in (("Notre site", index["site"]), ("Material d'origine (N pages)", index["stock"]))
        if sizes
    ]
    return "Index de recherche (search/search_index.json)\n" + _table(["Site", "Brut", "gzip"], rows)


def _lighthouse(lighthouse: dict) -> str:
    rows, details = [], []
    for page in lighthouse.values():
        if not page.get("scores"):
            rows.append([page["libelle"], "échec", "", "", "", "", "", ""])
            details.append(f"  {page['libelle']} : {'; '.join(page['erreurs'])[:300]}")
            continue
        scores = page["scores"]
        rows.append([
            page["libelle"],
            *(_series(scores[c]).score() for c in ("performance", "accessibility", "best-practices", "seo")),
            f"{_series(page['cls']).median:.3f}",
            kilobytes(_series(page["total_byte_weight"]).median),
            str(len(page["bloquants"])),
            f"{_series(page['metriques']['total-blocking-time']).median:.0f} ms" if "total-blocking-time" in page["metriques"] else "",
        ])
        if page["bloquants"]:
            details.append(f"  {page['libelle']}, ressources bloquant le rendu : " + ", ".join(
                f"{_path(b['url'])} ({b['wasted_ms']:.0f} ms)" for b in page["bloquants"]))
        if page["audits_non_reussis"]:
            details.append(f"  {page['libelle']}, audits non réussis : " + "; ".join(page["audits_non_reussis"]))
        if page["erreurs"]:
            details.append(f"  {page['libelle']}, {len(page['erreurs'])} exécution(s) en échec : {page['erreurs'][0][:200]}")
    table = _table(["Page", "Perf.", "Access.", "Bonnes pr.", "SEO", "CLS", "Octets LH", "Bloquants", "TBT"], rows)
    return "Lighthouse 12 (mobile, throttling simulé), médiane (min–max)\n" + table + ("\n" + "\n".join(details) if details else "")


def _path(url: str) -> str:
    return urlsplit(url).path
