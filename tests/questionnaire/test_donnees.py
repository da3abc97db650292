"""data/questionnaire.yaml : un fichier faux donne une ligne en français par problème, située
(fichier:ligne:colonne, la question ou le résultat, le champ), et jamais de questionnaire à moitié chargé."""
from __future__ import annotations

import pytest

from emploi_accompagne.annuaire.chargement import DonneesInvalides
from emploi_accompagne.questionnaire import FICHIER_QUESTIONNAIRE, MAX_QUESTIONS, charger_questionnaire, page_resultat

ENTETE = """\
premiere_question: q1
departement:
  titre: Dans quel département ?
  aide: Facultatif.
  falc: [Choisissez.]
  picto: carte
  passer: Passer
"""


def question(ident: str, *suites: str) -> str:
    reponses = "".join(f"\n      - texte: Réponse {i}\n        suite: {suite}" for i, suite in enumerate(suites, 1))
    return f"""
  - id: {ident}
    titre: Question {ident} ?
    aide: Aide.
    falc: [Une phrase.]
    picto: question
    reponses:{reponses}"""


def resultat(ident: str, **champs: str) -> str:
    valeurs = {"nom": f"le résultat {ident}", "titre": f"Résultat {ident}", "description": f"Description {ident}.",
               "picto": "accord", "falc": "[Une phrase.]", "applique": "Ceci.", "a_qui": "À la MDPH.",
               "a_lire": "[{texte: Pour qui, page: personnes/index.md#pour-qui}]"} | champs
    lignes = "".join(f"\n    {cle}: {valeur}" for cle, valeur in valeurs.items())
    return f"\n  - id: {ident}{lignes}"


def questionnaire(questions: list[str], resultats: list[str], departements: str = "") -> str:
    texte = ENTETE + "questions:" + "".join(questions)
    if departements:
        texte += "\nquestions_departement:" + departements
    return texte + "\nresultats:" + "".join(resultats) + "\n"


@pytest.fixture
def charger(tmp_path):
    def _charger(texte: str):
        chemin = tmp_path / "questionnaire.yaml"
        chemin.write_text(texte, encoding="utf-8")
        return charger_questionnaire(chemin)

    _charger.dossier = str(tmp_path) + "/"
    return _charger


def problemes(charger, texte: str) -> list[str]:
    """Every line of the report, the file named as in the repository (questionnaire.yaml:…)."""
    with pytest.raises(DonneesInvalides) as erreur:
        charger(texte)
    return [str(p).removeprefix(charger.dossier) for p in erreur.value.problemes]


def ligne_de(texte: str, morceau: str) -> int:
    return next(i for i, ligne in enumerate(texte.splitlines(), 1) if morceau in ligne)


def test_le_questionnaire_du_site_est_valide():
    arbre = charger_questionnaire(FICHIER_QUESTIONNAIRE)
    assert arbre.questionnaire.premiere_question == "age"
    assert len(arbre.resultats) >= 10


def test_un_petit_questionnaire_valide_donne_les_rangs_et_les_totaux(charger):
    arbre = charger(questionnaire(
        [question("q1", "q2", "r1"), question("q2", "d1", "r2")],
        [resultat("r1"), resultat("r2"), resultat("r3")],
        "\n  - id: d1\n    suite: r3",
    ))
    assert arbre.rang == {"q1": 1, "q2": 2, "d1": 3}
    assert arbre.total == {"q1": 3, "q2": 3, "d1": 3}
    assert arbre.precedente == {"q2": "q1", "r1": "q1", "d1": "q2", "r2": "q2", "r3": "d1"}
    assert arbre.resultat_a_un_departement("r3") and not arbre.resultat_a_un_departement("r1")


def test_une_suite_inconnue_est_signalee_a_sa_ligne(charger):
    texte = questionnaire([question("q1", "r1", "r-inconnu")], [resultat("r1")])
    assert problemes(charger, texte) == [
        f"{FICHIER_QUESTIONNAIRE.name}:{ligne_de(texte, 'suite: r-inconnu')}:16: [question q1] reponses[2].suite: "
        "« r-inconnu » n'est l'id d'aucune question ni d'aucun résultat"
    ]


def test_revenir_a_la_premiere_question_est_une_boucle(charger):
    texte = questionnaire([question("q1", "q2", "r1"), question("q2", "q1", "r2")], [resultat("r1"), resultat("r2")])
    (probleme,) = problemes(charger, texte)
    assert f":{ligne_de(texte, 'suite: q1')}:" in probleme
    assert "[question q2] reponses[1].suite: la première question ne peut pas être la suite d'une réponse (boucle)" in probleme


def test_une_boucle_a_l_ecart_du_questionnaire_est_une_page_jamais_atteinte(charger):
    texte = questionnaire(
        [question("q1", "r1", "r2"), question("q2", "q3", "r3"), question("q3", "q2", "r4")],
        [resultat("r1"), resultat("r2"), resultat("r3"), resultat("r4")],
    )
    lignes = problemes(charger, texte)
    rubriques = [ligne.split("] ")[0].split("[")[1] for ligne in lignes]
    assert rubriques == ["question q2", "question q3", "résultat r3", "résultat r4"]
    assert all("n'est atteinte par aucun chemin depuis la première question" in ligne for ligne in lignes)


def test_deux_questions_ne_menent_pas_a_la_meme_page(charger):
    """The page's « Revenir à la question précédente » link must have one target."""
    texte = questionnaire([question("q1", "q2", "r1"), question("q2", "r1", "r2")], [resultat("r1"), resultat("r2")])
    (probleme,) = problemes(charger, texte)
    assert "[question q2] reponses[1].suite: « r1 » suit déjà la question « q1 »" in probleme


def test_deux_reponses_d_une_meme_question_peuvent_mener_au_meme_resultat(charger):
    arbre = charger(questionnaire([question("q1", "r1", "r1", "r2")], [resultat("r1"), resultat("r2")]))
    assert arbre.suites("q1") == ["r1", "r2"]


def chaine(longueur: int) -> str:
    """q1 → q2 → … → qN, each question also leading to its own result."""
    questions = [question(f"q{i}", f"q{i + 1}" if i < longueur else "fin", f"r{i}") for i in range(1, longueur + 1)]
    return questionnaire(questions, [resultat(f"r{i}") for i in range(1, longueur + 1)] + [resultat("fin")])


def test_un_chemin_trop_long_est_refuse(charger):
    (probleme,) = problemes(charger, chaine(MAX_QUESTIONS + 1))
    assert f"[question q1] id: un chemin compte {MAX_QUESTIONS + 1} questions ; {MAX_QUESTIONS} au plus" in probleme


def test_six_questions_suffisent(charger):
    arbre = charger(chaine(MAX_QUESTIONS))
    assert arbre.total["q1"] == MAX_QUESTIONS
    assert arbre.total["q3"] == MAX_QUESTIONS and arbre.rang["q3"] == 3


def test_apres_le_departement_vient_un_resultat(charger):
    texte = questionnaire(
        [question("q1", "d1", "r1"), question("q2", "r2", "r3")],
        [resultat("r1"), resultat("r2"), resultat("r3")],
        "\n  - id: d1\n    suite: q2",
    )
    lignes = problemes(charger, texte)
    assert "[question département d1] suite: après le département vient un résultat, pas « q2 »" in lignes[0]


def test_un_identifiant_en_double(charger):
    texte = questionnaire([question("q1", "r1", "r2")], [resultat("r1"), resultat("r2"), resultat("r1")])
    (probleme,) = problemes(charger, texte)
    assert f":{texte.splitlines().index('  - id: r1', ligne_de(texte, '  - id: r1')) + 1}:" in probleme
    assert "[résultat r1] id: identifiant déjà employé à la ligne" in probleme


def test_les_erreurs_du_modele_sont_en_francais_et_situees(charger):
    texte = questionnaire(
        [question("q1", "r1", "r2").replace("picto: question", "picto: soleil")],
        [resultat("r1"), resultat("r2").replace("\n    a_qui: À la MDPH.", ""), resultat("r3", couleur="bleu")],
    )
    lignes = problemes(charger, texte)
    assert len(lignes) == 3, lignes
    position = f":{ligne_de(texte, 'picto: soleil')}:12: "
    assert position + "[question q1] picto: valeur non reconnue : choisir parmi 'accord'" in lignes[0]
    assert "[résultat r2] a_qui: champ obligatoire manquant" in lignes[1]
    assert f":{ligne_de(texte, 'couleur: bleu')}:5: [résultat r3] couleur: champ inconnu" in lignes[2]


def test_une_adresse_de_page_a_un_format_simple(charger):
    texte = questionnaire([question("q1", "r1", "Résultat 2")], [resultat("r1")])
    (probleme,) = problemes(charger, texte)
    assert "[question q1] reponses[2].suite: format non reconnu" in probleme


def test_un_lien_du_texte_vers_une_page_inconnue(charger):
    texte = questionnaire([question("q1", "r1", "r2")], [resultat("r1"), resultat("r2", a_qui="'[Voir](r9).'")])
    (probleme,) = problemes(charger, texte)
    assert "[résultat r2] a_qui: lien vers « r9 », qui n'est l'id d'aucune question ni d'aucun résultat" in probleme


def test_une_erreur_de_syntaxe_yaml_donne_une_seule_ligne(charger):
    texte = questionnaire([question("q1", "r1", "r2")], [resultat("r1"), resultat("r2")])
    texte = texte.replace("aide: Aide.", "aide: Aide\n\tx")
    (probleme,) = problemes(charger, texte)
    assert "tabulation interdite" in probleme


def test_un_fichier_qui_n_est_pas_un_questionnaire(charger):
    assert problemes(charger, "- age\n- rqth\n") == [
        f"{FICHIER_QUESTIONNAIRE.name}:1:1: [questionnaire] fichier: le fichier doit commencer par « premiere_question: »"
    ]


def test_un_resultat_renvoie_a_une_section_et_non_au_haut_d_une_page(charger):
    texte = questionnaire([question("q1", "r1", "r2")], [
        resultat("r1", a_lire="[{texte: Pour qui, page: personnes/index.md}]"),
        resultat("r2", a_lire="[]"),
    ])
    lignes = problemes(charger, texte)
    assert len(lignes) == 2, lignes
    assert "[résultat r1] a_lire[1].page: « personnes/index.md » : il manque l'ancre de la section" in lignes[0]
    assert "[résultat r2] a_lire: " in lignes[1]


def test_le_lien_d_un_resultat_mene_a_l_ancre_depuis_sa_page():
    arbre = charger_questionnaire(FICHIER_QUESTIONNAIRE)
    page = page_resultat(arbre, arbre.resultats["en-emploi"])
    assert "](../../personnes/index.md#ce-qui-reste-prive)" in page

