/* Finder of the platform of a commune, a postal code or a département.
 *
 * Loaded only by /trouver-ma-plateforme/. Without JavaScript the form stays hidden and
 * the page's list of départements does the job. The combobox follows the WAI-ARIA APG
 * pattern "combobox with listbox popup": focus stays in the field, arrows move the
 * active option (aria-activedescendant), Enter opens its page, Escape closes the list.
 * The « Chercher » button (and Enter with no option chosen) searches at once: it opens the
 * only result, or shows the list and puts the focus back in the field.
 *
 * The lookup mirrors chercher() in emploi_accompagne/annuaire/recherche.py line for
 * line (the Python one is tested on every commune and postal code): keep them in step.
 * Data files are fetched only once the reader types, one small file per query; only when a
 * name of 5 letters or more finds nothing, up to 3 files for names one letter away.
 */
(function () {
  "use strict";

  var form = document.getElementById("trouver");
  if (!form || !window.fetch || !window.Promise || !String.prototype.normalize) {
    return; // the list of départements on the page stays the way in
  }
  var champ = document.getElementById("trouver-champ");
  var liste = document.getElementById("trouver-resultats");
  var statut = document.getElementById("trouver-statut");
  var racineIndex = form.getAttribute("data-index");
  // Each département's page, as the index gives it (the site builds every path in one place).
  var pagesDepartements = {};

  var MAX_AFFICHES = 20;
  var DELAI_MS = 150;
  var LONGUEUR_CLE_MIN = 2;
  var LONGUEUR_CLE_MAX = 12;
  var LONGUEUR_MIN_FAUTE = 5;
  var FICHIERS_PROCHES_MAX = 3;
  var ALPHABET = "abcdefghijklmnopqrstuvwxyz ";

  // --- Normalisation and lookup (mirror of recherche.py) ---------------------------------

  var DIACRITIQUES = /[\u0300-\u036f]/g;
  var PAS_LETTRE_NI_CHIFFRE = /[^a-z0-9]+/g;

  function normaliser(texte) {
    var t = texte.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
    t = t.normalize("NFD").replace(DIACRITIQUES, "");
    t = t.replace(PAS_LETTRE_NI_CHIFFRE, " ").trim();
    return t.replace(/\bste\b/g, "sainte").replace(/\bst\b/g, "saint");
  }

  function cleCommune(nomNormalise, longueur) {
    var padded = nomNormalise;
    while (padded.length < longueur) padded += " ";
    return padded.slice(0, longueur);
  }

  function cheminCommune(cle) {
    return "c/" + cle.replace(/ /g, "_") + ".json";
  }

  function cheminCodePostal(prefixe) {
    return "cp/" + prefixe + ".json";
  }

  function libelleCommune(nom, codesPostaux) {
    if (!codesPostaux.length) return nom;
    if (codesPostaux.length === 1) return nom + " (" + codesPostaux[0] + ")";
    return nom + " (" + codesPostaux[0] + " à " + codesPostaux[codesPostaux.length - 1] + ")";
  }

  function libelleCodePostal(codePostal, noms) {
    return codePostal + " " + noms.slice(0, 3).join(", ") + (noms.length > 3 ? ", …" : "");
  }

  function departementsTrouves(requete, departements) {
    var trouves = [];
    departements.forEach(function (dep) {
      var code = dep[0], nom = dep[1], nomNormalise = normaliser(nom);
      var parCode = requete === code.toLowerCase() ||
        (requete.length === 1 && /^[0-9]$/.test(requete) && "0" + requete === code);
      var parNom = requete.length >= 2 && (
        nomNormalise.indexOf(requete) === 0 ||
        nomNormalise.split(" ").some(function (mot) { return mot.length >= 3 && mot.indexOf(requete) === 0; })
      );
      if (parCode || parNom) trouves.push({genre: "departement", libelle: nom + " (" + code + ")", departement: code});
    });
    return trouves;
  }

  function fichierDeCommunes(requete, cles) {
    for (var i = 0; i < cles.length; i++) {
      if (cleCommune(requete, cles[i].length) === cles[i]) return cles[i];
    }
    return null;
  }

  function communesTrouvees(requete, lignes) {
    var exactes = [], autres = [];
    lignes.forEach(function (ligne) {
      var nomNormalise = normaliser(ligne[0]);
      if (nomNormalise.indexOf(requete) !== 0) return;
      var resultat = {genre: "commune", libelle: libelleCommune(ligne[0], ligne[2]), departement: ligne[1]};
      (nomNormalise === requete ? exactes : autres).push(resultat);
    });
    return exactes.concat(autres);
  }

  function codesPostauxTrouves(requete, codes) {
    var trouves = [];
    Object.keys(codes).sort().forEach(function (codePostal) {
      if (codePostal.indexOf(requete) !== 0) return;
      codes[codePostal].forEach(function (entree) {
        trouves.push({genre: "code-postal", libelle: libelleCodePostal(codePostal, entree[1]), departement: entree[0]});
      });
    });
    return trouves;
  }

  // One letter missing, extra or changed, or two neighbours swapped (not the same text).
  function uneLettrePres(requete, nom) {
    if (requete === nom || Math.abs(requete.length - nom.length) > 1) return false;
    var i = 0;
    while (i < requete.length && i < nom.length && requete[i] === nom[i]) i++;
    if (requete.length === nom.length) {
      var echange = i + 1 < nom.length && requete[i] === nom[i + 1] && requete[i + 1] === nom[i];
      return requete.slice(i + 1) === nom.slice(i + 1) || (echange && requete.slice(i + 2) === nom.slice(i + 2));
    }
    if (requete.length > nom.length) return requete.slice(i + 1) === nom.slice(i);
    return requete.slice(i) === nom.slice(i + 1);
  }

  function variantes(requete, position) {
    var avant = requete.slice(0, position), apres = requete.slice(position);
    var resultat = [];
    var lettres = ALPHABET.split("");
    if (apres) {
      resultat.push(avant + apres.slice(1));
      if (apres.length > 1) resultat.push(avant + apres[1] + apres[0] + apres.slice(2));
      lettres.forEach(function (lettre) { resultat.push(avant + lettre + apres.slice(1)); });
    }
    lettres.forEach(function (lettre) { resultat.push(avant + lettre + apres); });
    return resultat;
  }

  // The query's own file, then the longest keys a one-letter change leads to, latest change first.
  function fichiersProches(requete, cles) {
    var connues = {};
    cles.forEach(function (c) { connues[c] = true; });
    var propre = fichierDeCommunes(requete, cles);
    var autres = [];
    for (var position = Math.min(requete.length, LONGUEUR_CLE_MAX); position >= LONGUEUR_CLE_MIN; position--) {
      variantes(requete, position).forEach(function (texte) {
        for (var longueur = LONGUEUR_CLE_MIN; longueur <= LONGUEUR_CLE_MAX; longueur++) {
          var cle = cleCommune(texte, longueur);
          if (connues[cle] === true) {
            if (cle !== propre && autres.indexOf(cle) === -1) autres.push(cle);
            break;
          }
        }
      });
    }
    autres.sort(function (a, b) { return b.length - a.length; }); // stable
    var debut = propre === null ? [] : [propre];
    return debut.concat(autres.slice(0, FICHIERS_PROCHES_MAX - debut.length));
  }

  function prochesTrouves(requete, departements, fichiersLus) {
    var trouves = [];
    departements.forEach(function (dep) {
      if (uneLettrePres(requete, normaliser(dep[1]))) {
        trouves.push({genre: "departement", libelle: dep[1] + " (" + dep[0] + ")", departement: dep[0]});
      }
    });
    fichiersLus.forEach(function (lignes) {
      lignes.forEach(function (ligne) {
        var nomNormalise = normaliser(ligne[0]);
        if (nomNormalise.length >= LONGUEUR_MIN_FAUTE && uneLettrePres(requete, nomNormalise)) {
          trouves.push({genre: "commune", libelle: libelleCommune(ligne[0], ligne[2]), departement: ligne[1]});
        }
      });
    });
    return trouves;
  }

  var fichiers = {};
  function lire(chemin) {
    if (!fichiers[chemin]) {
      fichiers[chemin] = fetch(racineIndex + chemin).then(function (reponse) {
        if (!reponse.ok) throw new Error(reponse.status + " " + chemin);
        return reponse.json();
      });
      fichiers[chemin].catch(function () { delete fichiers[chemin]; }); // retry next time
    }
    return fichiers[chemin];
  }

  function chercher(texte) {
    var requete = normaliser(texte);
    var reponse = {resultats: [], plusDeLettres: false, proches: false, noms: {}};
    if (!requete) return Promise.resolve(reponse);
    return lire("departements.json").then(function (resume) {
      resume.d.forEach(function (dep) { reponse.noms[dep[0]] = dep[1]; pagesDepartements[dep[0]] = dep[2]; });
      reponse.resultats = reponse.resultats.concat(departementsTrouves(requete, resume.d));
      if (/^[0-9]+$/.test(requete)) {
        if (requete.length >= 2 && resume.cp.indexOf(requete.slice(0, 2)) !== -1) {
          return lire(cheminCodePostal(requete.slice(0, 2))).then(function (codes) {
            reponse.resultats = reponse.resultats.concat(codesPostauxTrouves(requete, codes));
            return reponse;
          });
        }
        return reponse;
      }
      var cle = fichierDeCommunes(requete, resume.c);
      reponse.plusDeLettres = resume.c.some(function (c) {
        return c.indexOf(requete) === 0 && c !== cleCommune(requete, c.length);
      });
      var communes = cle === null ? Promise.resolve([]) : lire(cheminCommune(cle)).then(function (lignes) {
        return communesTrouvees(requete, lignes);
      });
      return communes.then(function (trouvees) {
        reponse.resultats = reponse.resultats.concat(trouvees);
        if (reponse.resultats.length || reponse.plusDeLettres || requete.length < LONGUEUR_MIN_FAUTE) return reponse;
        var chemins = fichiersProches(requete, resume.c).map(function (c) { return lire(cheminCommune(c)); });
        return Promise.all(chemins).then(function (fichiersLus) {
          reponse.resultats = prochesTrouves(requete, resume.d, fichiersLus);
          reponse.proches = reponse.resultats.length > 0;
          return reponse;
        });
      });
    });
  }

  // --- The combobox -------------------------------------------------------------------------

  var options = [];
  var actif = -1;
  var numeroRequete = 0;
  var minuteur = null;

  function urlDepartement(code) {
    return pagesDepartements[code];
  }

  function texteOption(resultat, noms) {
    if (resultat.genre === "departement") return resultat.libelle;
    return resultat.libelle + " — " + noms[resultat.departement] + " (" + resultat.departement + ")";
  }

  function ouvrir(ouvert) {
    liste.hidden = !ouvert;
    champ.setAttribute("aria-expanded", ouvert ? "true" : "false");
    if (!ouvert) activer(-1);
  }

  function activer(indice) {
    if (actif >= 0 && options[actif]) {
      options[actif].setAttribute("aria-selected", "false");
    }
    actif = indice;
    if (indice < 0) {
      champ.removeAttribute("aria-activedescendant");
      return;
    }
    var option = options[indice];
    option.setAttribute("aria-selected", "true");
    champ.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({block: "nearest"});
  }

  function aller(option) {
    window.location.href = option.getAttribute("data-href");
  }

  function message(reponse, total) {
    if (total === 0 && reponse.plusDeLettres) {
      return "Beaucoup de communes commencent ainsi : continuez à taper.";
    }
    if (total === 0) {
      return "Aucun résultat. Vérifiez l'orthographe, ou choisissez votre département dans la liste plus bas.";
    }
    var texte = total === 1 ? "1 résultat." : total + " résultats.";
    if (reponse.proches) {
      texte = "Aucun nom ne s'écrit exactement ainsi. " +
        (total === 1 ? "Voici 1 nom proche." : "Voici " + total + " noms proches.");
    }
    if (total > MAX_AFFICHES) texte += " Les " + MAX_AFFICHES + " premiers sont affichés : précisez votre recherche.";
    if (reponse.plusDeLettres) texte += " D'autres communes commencent ainsi : continuez à taper.";
    return texte + " Choisissez un résultat dans la liste.";
  }

  function afficher(reponse) {
    var resultats = reponse.resultats;
    liste.textContent = "";
    options = [];
    actif = -1;
    champ.removeAttribute("aria-activedescendant");
    resultats.slice(0, MAX_AFFICHES).forEach(function (resultat, indice) {
      var option = document.createElement("li");
      option.id = "trouver-option-" + indice;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-href", urlDepartement(resultat.departement));
      option.textContent = texteOption(resultat, reponse.noms);
      liste.appendChild(option);
      options.push(option);
    });
    ouvrir(options.length > 0);
    statut.textContent = message(reponse, resultats.length);
  }

  // Resolves with the number of results shown, or null when a later query replaced this one.
  function lancer() {
    var texte = champ.value;
    var numero = ++numeroRequete;
    window.clearTimeout(minuteur);
    if (!normaliser(texte)) {
      afficher({resultats: [], plusDeLettres: false, proches: false, noms: {}});
      statut.textContent = "";
      form.setAttribute("data-recherche", texte);
      return Promise.resolve(0);
    }
    return chercher(texte).then(function (reponse) {
      if (numero !== numeroRequete) return null; // a later query has been typed since
      afficher(reponse);
      form.setAttribute("data-recherche", texte); // which query the list answers (tests wait for it)
      return options.length;
    }).catch(function () {
      if (numero !== numeroRequete) return null;
      ouvrir(false);
      statut.textContent = "La recherche ne fonctionne pas pour l'instant. Choisissez votre département dans la liste plus bas.";
      return null;
    });
  }

  // « Chercher » (the button, or Enter with no option chosen): search now, then go to the only
  // result, or show the list with the focus back in the field, where the arrows choose.
  function chercherMaintenant() {
    lancer().then(function (nombre) {
      if (nombre === null) return;
      if (nombre === 1) {
        aller(options[0]);
        return;
      }
      champ.focus();
      if (nombre > 1) ouvrir(true);
      if (nombre === 0 && !normaliser(champ.value)) statut.textContent = "Tapez d'abord le nom de votre commune, votre code postal ou votre département.";
    });
  }

  champ.addEventListener("input", function () {
    window.clearTimeout(minuteur);
    minuteur = window.setTimeout(lancer, DELAI_MS);
  });

  champ.addEventListener("keydown", function (evenement) {
    var touche = evenement.key;
    if (touche === "ArrowDown" || touche === "ArrowUp") {
      if (!options.length) return;
      evenement.preventDefault();
      if (liste.hidden) ouvrir(true);
      var pas = touche === "ArrowDown" ? 1 : -1;
      var depart = actif < 0 ? (pas === 1 ? -1 : options.length) : actif;
      activer((depart + pas + options.length) % options.length);
    } else if (touche === "Enter") {
      evenement.preventDefault();
      if (!liste.hidden && actif >= 0) aller(options[actif]);
      else chercherMaintenant();
    } else if (touche === "Escape") {
      if (!liste.hidden) {
        evenement.preventDefault();
        ouvrir(false);
      } else if (champ.value) {
        evenement.preventDefault();
        champ.value = "";
        lancer();
      }
    } else if (touche === "Tab") {
      ouvrir(false);
    }
  });

  // Clicks on an option open its page; pressing the mouse must not take focus from the field.
  liste.addEventListener("mousedown", function (evenement) { evenement.preventDefault(); });
  liste.addEventListener("click", function (evenement) {
    var option = evenement.target.closest("[role=option]");
    if (option) aller(option);
  });
  champ.addEventListener("blur", function () { ouvrir(false); });
  champ.addEventListener("focus", function () { if (options.length) ouvrir(true); });
  form.addEventListener("submit", function (evenement) {
    evenement.preventDefault();
    chercherMaintenant();
  });

  form.hidden = false;
})();
