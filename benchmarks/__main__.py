"""`make bench`: build times, page weights and Lighthouse scores against stock Material.

    .venv/bin/python -m benchmarks [--runs N] [--lighthouse-runs N] [--quick] [--no-lighthouse]
                                   [--lighthouse-only] [--keep]

Defaults: 5 runs of every build (3 for the slow stock site of 10×N pages), 3 Lighthouse
runs per page; --quick: 2 runs, no Lighthouse; --lighthouse-only (`make lighthouse`, a few
minutes): the Lighthouse scores of the five page types and of a stock page, nothing else.

Everything happens in a temporary directory: a copy of the project with its real data,
two copies with synthetic directories (1× and 10×), two stock Material sites (N and 10×N
plain pages, every page in the sidebar). Builds are timed in turn, run after run, so a
slow moment of the machine hits every variant alike. The report is printed and written
to build/bench.json.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from tests.helpers.server import gzip_size

from . import phare, poids, projets, rapport, serve
from .serveur import StaticServer
from .statistiques import Series, ratio
from .synthese import write_synthetic_directory

DEFAULT_RUNS = 5
# Lighthouse takes about 20 s a run: 3 runs of 6 pages keep `make bench` under 15 minutes
# on 2 cores (`--lighthouse-runs 5` for more).
DEFAULT_LIGHTHOUSE_RUNS = 3
# Stock Material with 10×N pages in the menu takes 40-70 s a build here: at most 3 runs.
STOCK_10N_MAX_RUNS = 3
QUICK_RUNS = 2
JSON_REPORT = projets.ROOT / "build" / "bench.json"
LIGHTHOUSE_REPORT = projets.ROOT / "build" / "lighthouse.json"
# The page types of the site: (key, label, URL path).
PAGE_TYPES = (
    ("accueil", "Accueil", "/"),
    ("contenu", "Page de contenu", "/personnes/"),
    ("departement", "Page département", "/departements/29/"),
    ("index", "Index + carte", "/departements/"),
    ("trouver", "Trouver (avant saisie)", "/trouver-ma-plateforme/"),
    ("questionnaire", "Est-ce pour moi ? (1re question)", "/est-ce-pour-moi/"),
    ("resultat", "Est-ce pour moi ? (un résultat)", "/est-ce-pour-moi/demander-a-la-mdph/"),
    ("fiche_a_imprimer", "Préparer ma demande (fiche MDPH)", "/preparer-ma-demande/mdph/"),
    ("message", "Préparer ma demande (message)", "/preparer-ma-demande/message/"),
)
FINDER_PATH = "/trouver-ma-plateforme/"
FINDER_QUERIES = ("villeurb", "29200", "2a", "ardeche", "cotes d armor")
SITES_1X, SITES_10X = 1, 10


def main(argv: list[str] | None = None) -> int:
    options = _options(argv)
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="ea-bench-"))
    try:
        results = _measure(work, options)
    except projets.BuildFailed as error:
        print(f"\nÉchec : {error}", file=sys.stderr)
        return 1
    finally:
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["meta"]["duree_s"] = round(time.perf_counter() - started, 1)
    print(rapport.text_report(results))
    report = LIGHTHOUSE_REPORT if options.lighthouse_only else JSON_REPORT
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=_json), encoding="utf-8")
    print(f"\nRapport JSON : {report.relative_to(projets.ROOT)}  (durée totale {results['meta']['duree_s']} s)")
    return 0


def _options(argv):
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=None, help=f"runs per build measurement (default {DEFAULT_RUNS})")
    parser.add_argument("--lighthouse-runs", type=int, default=None, help=f"Lighthouse runs per page (default {DEFAULT_LIGHTHOUSE_RUNS}, at most --runs)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_RUNS} runs, no Lighthouse")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--lighthouse-only", action="store_true", help="only the Lighthouse scores (no build timing, no weights)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (printed)")
    options = parser.parse_args(argv)
    options.runs = options.runs or (QUICK_RUNS if options.quick else DEFAULT_RUNS)
    options.lighthouse_runs = 0 if (options.quick or options.no_lighthouse) else (options.lighthouse_runs or min(DEFAULT_LIGHTHOUSE_RUNS, options.runs))
    if options.runs < 1:
        parser.error("--runs must be at least 1")
    if options.lighthouse_only and (options.quick or options.no_lighthouse):
        parser.error("--lighthouse-only cannot go with --quick or --no-lighthouse")
    return options


def _measure(work: Path, options) -> dict:
    _log(f"Dossier de travail : {work}")
    if options.lighthouse_only:
        return _measure_lighthouse_only(work, options)
    results: dict = {"meta": _meta(options)}
    projects = _prepare_projects(work, results)
    results["constructions"] = _time_builds(work, projects, options.runs, results)
    with contextlib.ExitStack() as stack:
        served, servers = _serve(stack, work, projects, ("site", "annuaire_10x", "stock_n", "stock_1"))
        pages = _site_pages(served["site"], servers["site"])
        if "departement" in pages:  # the same page once every entry is complete (fictitious data)
            path = pages["departement"][2]
            pages["departement_10x"] = ("Page département, fiche fictive à 10 antennes", servers["annuaire_10x"].url(path), path)
        stock_pages = {
            "stock_accueil": ("Material d'origine : accueil", servers["stock_n"].url("/"), "/"),
            "stock_contenu": _stock_content_target(servers["stock_n"], results["pages"]["n"]),
            "stock_1_page": ("Material d'origine, site d'une page", servers["stock_1"].url("/"), "/"),
        }
        finder = servers["site"].url(FINDER_PATH) if "trouver" in pages else None
        results["poids"] = _weights(pages, stock_pages, finder)
        results["index_recherche"] = {
            "site": _file_sizes(served["site"] / "search" / "search_index.json"),
            "stock": _file_sizes(served["stock_n"] / "search" / "search_index.json"),
        }
        if options.lighthouse_runs:
            targets = {key: page for key, page in pages.items() if key != "departement_10x"}
            targets["stock_contenu"] = stock_pages["stock_contenu"]
            results["lighthouse"] = _lighthouse(work, targets, options.lighthouse_runs)
        elif not options.quick and not options.no_lighthouse:
            results["lighthouse"] = None
    return results


def _measure_lighthouse_only(work: Path, options) -> dict:
    """The site and a stock site of as many pages, served and scored; nothing timed."""
    results: dict = {"meta": _meta(options)}
    projects = {"site": projets.copy_project(work / "site")}
    pages, characters = _probe(projects["site"], work)
    projects["stock_n"] = projets.write_stock_project(work / "stock-n", pages, characters)
    with contextlib.ExitStack() as stack:
        served, servers = _serve(stack, work, projects, ("site", "stock_n"))
        targets = _site_pages(served["site"], servers["site"])
        targets["stock_contenu"] = _stock_content_target(servers["stock_n"], pages)
        results["lighthouse"] = _lighthouse(work, targets, options.lighthouse_runs)
    return results


def _probe(site: Path, work: Path) -> tuple[int, int]:
    """A first, untimed build: the number of pages and their mean text length (it also warms the caches)."""
    probe = work / "sonde"
    projets.build(site, probe)
    pages = len(projets.documentation_pages(probe))
    characters = projets.mean_text_length(probe)
    shutil.rmtree(probe)
    return pages, characters


def _serve(stack: contextlib.ExitStack, work: Path, projects: dict[str, Path], names) -> tuple[dict, dict]:
    """Each named project served on its own port, built with that origin as site_url (so that
    canonical URLs are right): ({name: directory}, {name: server})."""
    served, servers = {}, {}
    for name in names:
        served[name] = work / f"servi-{name}"
        served[name].mkdir()
        servers[name] = stack.enter_context(StaticServer(served[name]))
        projets.build(projects[name], served[name], site_url=servers[name].origin + "/")
    return served, servers


def _site_pages(site: Path, server: StaticServer) -> dict[str, tuple[str, str, str]]:
    """{key: (label, URL, path)} for the page types found in the built site."""
    return {key: (label, server.url(path), path) for key, (label, path) in _page_types(site).items()}


def _stock_content_target(server: StaticServer, pages: int) -> tuple[str, str, str]:
    path = projets.stock_content_page(pages)
    return ("Material d'origine : page", server.url(path), path)


def _meta(options) -> dict:
    return {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "mkdocs": metadata.version("mkdocs"),
        "mkdocs_material": metadata.version("mkdocs-material"),
        "cpus": os.cpu_count(),
        "runs": options.runs,
        "lighthouse_runs": options.lighthouse_runs,
        "command": "python -m benchmarks " + " ".join(sys.argv[1:]),
    }


def _prepare_projects(work: Path, results: dict) -> dict[str, Path]:
    _log("Préparation : copies du projet, données fictives, sites Material d'origine…")
    projects = {"site": projets.copy_project(work / "site")}
    projects["annuaire_1x"] = projets.copy_project(work / "annuaire-1x")
    projects["annuaire_10x"] = projets.copy_project(work / "annuaire-10x")
    places = {
        "annuaire_1x": write_synthetic_directory(projects["annuaire_1x"], SITES_1X),
        "annuaire_10x": write_synthetic_directory(projects["annuaire_10x"], SITES_10X),
    }
    for key in ("annuaire_1x", "annuaire_10x"):
        projets.check_data(projects[key])
    pages, characters = _probe(projects["site"], work)
    projects["stock_n"] = projets.write_stock_project(work / "stock-n", pages, characters)
    projects["stock_10n"] = projets.write_stock_project(work / "stock-10n", 10 * pages, characters)
    projects["stock_1"] = projets.write_stock_project(work / "stock-1", 1, characters)
    results["pages"] = {"n": pages, "10n": 10 * pages, "caracteres_moyens": characters}
    results["annuaire_synthetique"] = {
        key: {
            "sites_par_plateforme": sites,
            "lieux": places[key],
            "octets_yaml": (projects[key] / "data" / "plateformes.yaml").stat().st_size,
        }
        for key, sites in (("annuaire_1x", SITES_1X), ("annuaire_10x", SITES_10X))
    }
    return projects


def _time_builds(work: Path, projects: dict[str, Path], runs: int, results: dict) -> dict:
    order = ("site", "stock_n", "annuaire_1x", "annuaire_10x", "stock_10n")
    for key in ("site", "annuaire_1x", "annuaire_10x", "stock_n"):  # warm-up, untimed
        projets.build(projects[key], work / f"chaud-{key}")
        shutil.rmtree(work / f"chaud-{key}")
    times: dict[str, list[float]] = {key: [] for key in order}
    for run in range(1, runs + 1):
        for key in order:
            if key == "stock_10n" and run > STOCK_10N_MAX_RUNS:
                continue
            output = work / f"sortie-{key}"
            seconds = projets.build(projects[key], output)
            shutil.rmtree(output)
            times[key].append(seconds)
            _log(f"  construction {run}/{runs} {key:<15} {seconds:6.2f} s")
    series = {key: Series(tuple(values)) for key, values in times.items()}
    return {
        **{key: value.as_dict() for key, value in series.items()},
        "ratio_site_stock": ratio(series["site"].median, series["stock_n"].median),
        "reconstructions_serve": serve.rebuild_times(projects["site"], runs),
        "ratio_annuaire_10x_1x": ratio(series["annuaire_10x"].median, series["annuaire_1x"].median),
        "ratio_stock_10n_n": ratio(series["stock_10n"].median, series["stock_n"].median),
    }


def _page_types(site: Path) -> dict[str, tuple[str, str]]:
    """The page types found in the built site (the directory's pages may be missing)."""
    found = {}
    for key, label, path in PAGE_TYPES:
        if key == "departement" and not _exists(site, path):
            path = _first_departement_page(site) or path
        if _exists(site, path):
            found[key] = (label, path)
        else:
            _log(f"  page absente du site construit : {path} ({label})")
    return found


def _exists(site: Path, path: str) -> bool:
    return (site / path.strip("/") / "index.html").is_file()


def _first_departement_page(site: Path) -> str | None:
    pages = sorted(p.parent.name for p in (site / "departements").glob("*/index.html"))
    return f"/departements/{pages[0]}/" if pages else None


def _weights(pages: dict, stock_pages: dict, finder_url: str | None) -> dict:
    """Each page type and the stock pages; then the finder's queries. {key: (label, url, path)}."""
    from playwright.sync_api import sync_playwright

    _log("Poids des pages (Chromium, cache vide, gzip 6)…")
    every = {**pages, **stock_pages}
    loads = poids.measure_pages([url for _label, url, _path in every.values()], concurrency=1)  # no contention
    weights: dict = {"pages": {}, "requetes_trouver": []}
    for key, (label, url, path) in every.items():
        weights["pages"][key] = {"libelle": label, "chemin": path, **loads[url].as_dict()}
    if finder_url:
        with sync_playwright() as playwright:
            browser = poids.launch_browser(playwright)
            try:
                for query in FINDER_QUERIES:
                    weights["requetes_trouver"].append(poids.finder_query(browser, finder_url, query).as_dict())
            finally:
                browser.close()
    stock = weights["pages"].get("stock_contenu", {}).get("total_gzip")
    for key, page in weights["pages"].items():
        page["ratio_stock"] = ratio(page["total_gzip"], stock) if not key.startswith("stock_") else None
    return weights


def _file_sizes(path: Path) -> dict | None:
    if not path.is_file():
        return None
    data = path.read_bytes()
    return {"raw": len(data), "gzip": gzip_size(data)}


def _lighthouse(work: Path, targets: dict, runs: int) -> dict | None:
    """Lighthouse on each target {key: (label, url, path)}, `runs` times, pages in turn."""
    if not phare.available():
        _log("Lighthouse absent (node_modules/.bin/lighthouse) : lancer `npm ci`.")
        return None
    collected: dict[str, list[phare.LighthouseRun]] = {key: [] for key in targets}
    for run in range(1, runs + 1):
        for key, (_label, url, _path) in targets.items():
            result = phare.run_lighthouse(url, work / f"lighthouse-{key}-{run}.json")
            collected[key].append(result)
            shown = result.error or " ".join(f"{v:.0f}" for v in result.scores.values())
            _log(f"  Lighthouse {run}/{runs} {key:<14} {shown}")
    return {key: _summarise_lighthouse(label, collected[key]) for key, (label, _url, _path) in targets.items()}


def _summarise_lighthouse(label: str, runs: list[phare.LighthouseRun]) -> dict:
    good = [run for run in runs if not run.error and run.scores]
    summary: dict = {"libelle": label, "erreurs": [run.error for run in runs if run.error], "runs": len(good)}
    if not good:
        return summary
    summary["scores"] = {
        category: Series(tuple(run.scores[category] for run in good if category in run.scores)).as_dict()
        for category in phare.CATEGORIES
    }
    summary["cls"] = Series(tuple(run.cls or 0.0 for run in good)).as_dict()
    summary["total_byte_weight"] = Series(tuple(run.total_byte_weight or 0 for run in good)).as_dict()
    summary["metriques"] = {
        metric: Series(tuple(run.metrics[metric] for run in good if metric in run.metrics)).as_dict()
        for metric in good[0].metrics
    }
    blocking: dict[str, dict] = {}
    for run in good:
        for item in run.render_blocking:
            blocking.setdefault(item["url"], item)
    summary["bloquants"] = list(blocking.values())
    worst: dict[str, tuple[float, str]] = {}
    for run in good:
        for audit, (score, shown) in run.failed_audits.items():
            if audit not in worst or score < worst[audit][0]:
                worst[audit] = (score, shown)
    summary["audits_non_reussis"] = [
        f"{audit} ({score:.2f}{', ' + shown if shown else ''}; {sum(audit in r.failed_audits for r in good)}/{len(good)} runs)"
        for audit, (score, shown) in sorted(worst.items())
    ]
    return summary


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _json(value):
    if isinstance(value, Series):
        return value.as_dict()
    raise TypeError(type(value))


if __name__ == "__main__":
    sys.exit(main())
