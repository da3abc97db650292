"""Propriété : quoi qu'on fasse au fichier, le chargement rend des données valides
ou une liste de messages propres — jamais une autre exception."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emploi_accompagne.annuaire.chargement import DonneesInvalides, charger_plateformes
from emploi_accompagne.annuaire.modele import Plateforme

LIGNE = re.compile(r"^[^:]+:\d+:\d+: \[département [^\]]+\] («[^»]*»|[^:«]+): .+$")
CHAMPS = list(Plateforme.model_fields) + ["telephon", "sites", "partenaires", "<<", "departement"]
VALEURS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "~", "null", "01", "2A", "975", "+33 4 74 00 00 00", "04 74", "https://exemple.fr",
                     "javascript:alert(1)", "2026-01-01", "2999-12-31", "a@b", "[1, 2]", "{a: b}", "&x a", "*x",
                     "\t", "'", '"', ": ", "- ", "x" * 5000, "Mo-Fr 09:00-17:00", "\u00e9\u0301", "\x00"]),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def verifier(path):
    try:
        plateformes = charger_plateformes(path)
    except DonneesInvalides as erreur:
        lignes = str(erreur).splitlines()
        assert lignes, "une erreur sans message"
        for ligne in lignes:
            assert LIGNE.match(ligne), ligne
            assert "Traceback" not in ligne
        return
    assert all(isinstance(p, Plateforme) for p in plateformes)
    assert len(plateformes) == 101


@SETTINGS
@given(data=st.data())
def test_changer_des_valeurs_au_hasard(yaml_valide, ecrire, data):
    lignes = yaml_valide.splitlines()
    for _ in range(data.draw(st.integers(1, 5))):
        index = data.draw(st.integers(0, len(lignes) - 1))
        champ = data.draw(st.sampled_from(CHAMPS))
        valeur = data.draw(VALEURS)
        indentation = data.draw(st.sampled_from(["  ", "- ", "    ", ""]))
        lignes[index] = f"{indentation}{champ}: {valeur}"
    verifier(ecrire("\n".join(lignes)))


@SETTINGS
@given(data=st.data())
def test_abimer_le_texte_au_hasard(yaml_valide, ecrire, data):
    octets = bytearray(yaml_valide.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(octets) - 1))
        action = data.draw(st.sampled_from(["remplacer", "supprimer", "inserer", "couper"]))
        if action == "remplacer":
            octets[position] = data.draw(st.integers(0, 255))
        elif action == "supprimer":
            del octets[position : position + data.draw(st.integers(1, 200))]
        elif action == "inserer":
            octets[position:position] = data.draw(st.binary(min_size=1, max_size=20))
        else:
            del octets[position:]
        if not octets:
            break
    verifier(ecrire(bytes(octets)))
