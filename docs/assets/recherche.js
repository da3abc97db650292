/* The site's search, for French readers: Material's own search worker (lunr), run with a
 * French way of reading words, and the reader's query read the same way.
 *
 * Started by overrides/main.html in place of Material's worker, when the reader opens the
 * search (never on a page load); the address of Material's worker follows "#". Material's
 * worker does all the rest (index, ranking, results, highlighting): this file only changes
 * how a word becomes an index term, and rewrites each query into such terms.
 *
 * A word becomes its term the same way in the pages and in the query: letters and digits
 * only at its ends, no accent (« salarie » = « salarié »), French stop words left out, then
 * the French Snowball stemmer of lunr-languages (singular and plural, verb and noun:
 * « embaucher » = « embauche »), and « -isme » / « -iste » read alike (« autisme » =
 * « autiste »). Words are split at spaces, hyphens and apostrophes (« l'embauche »):
 * the `separator` of the search plugin in mkdocs.yml.
 *
 * Each word of the query looks for the terms that start with its own, as Material does
 * (results follow the typing). A word that is neither a form of a word of the site (its
 * term is in the index) nor the start of a word the site writes is read as a typo, wherever
 * the wrong letter is: of the words of five letters or more one letter away (a letter
 * missing, one more, one changed, two swapped), a word the site writes takes its place, else
 * the start of one (a word still being typed); the most widespread on the site first
 * (« acompagnement », « sakarié », « ardehce »: « accompagnement », « salarié », « ardèche »).
 * The neighbours are looked up among the words as written, not among the stems: a stem is
 * short, and a wrong word one letter away from a typo often stems to a common one
 * (« airie »: « fairie », read « faire », instead of « mairie »).
 *
 * The results keep the reader's words: a word not found is named as typed, and the page a
 * result opens highlights the site's own spellings of the words found (`?h=`).
 */
(function () {
  "use strict";

  var TYPE_SETUP = 0, TYPE_QUERY = 2, TYPE_RESULT = 3; // Material's SearchMessageType
  var LONGUEUR_TYPO = 5; // shorter words are too close to each other for a typo to be read
  var MAX_GRAPHIES = 12; // spellings sent for highlighting, per word found
  var BORDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var DIACRITIQUES = /[\u0300-\u036f]/g;
  var SYNTAXE_LUNR = /[*+~^:"]/g;
  var LETTRES = "abcdefghijklmnopqrstuvwxyz";

  var materiel = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href);
  if (materiel.origin !== self.location.origin || !/\/workers\/search\.[0-9a-f]{8}\.min\.js$/.test(materiel.pathname)) {
    throw new Error("recherche.js : adresse du moteur de Material inattendue : " + materiel.href);
  }

  var index = null; // the lunr index Material builds
  var termes = []; // its terms, sorted
  var ecrits = Object.create(null); // each word the site writes, without accents -> its term
  var ecritsTries = []; // the same words, sorted (for "starts a word")
  var graphies = Object.create(null); // term -> the site's spellings of it (lower case, with accents)
  var lus = Object.create(null); // word as written -> its term (null: a stop word)
  var separateur = /[\s\-]+/;
  var enAttente = []; // for each query sent to Material: its terms -> the reader's words

  // --- The words, as the index and the query read them -------------------------------------

  function sansAccents(mot) {
    return mot.replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD").replace(DIACRITIQUES, "");
  }

  function estMotVide(mot) {
    return !lunr.fr.stopWordFilter(mot);
  }

  function racine(mot) {
    var terme = lunr.fr.stemmer(new lunr.Token(mot)).toString();
    return terme.replace(/is[mt]$/, "is");
  }

  function termeDe(mot) {
    if (!mot || estMotVide(mot)) return null;
    var simple = sansAccents(mot);
    return estMotVide(simple) ? null : racine(simple);
  }

  // One word -> its term, or nothing for a stop word; at indexing time, the term's spellings.
  // Each word is read once: the pages write some 4,000 different words 30,000 times.
  function lire(brut, enregistrer) {
    if (!(brut in lus)) {
      var mot = brut.toLowerCase().replace(BORDS, "");
      var lu = termeDe(mot);
      lus[brut] = lu;
      if (lu && enregistrer) (graphies[lu] = graphies[lu] || Object.create(null))[mot] = true;
    }
    return lus[brut];
  }

  function normaliser(token) {
    var terme = lire(token.toString(), true);
    return terme ? token.update(function () { return terme; }) : null;
  }

  function adapterLeFrancais() {
    var francais = lunr.fr;
    if (francais.adapte) return;
    lunr.Pipeline.registerFunction(normaliser, "ea-normaliser-fr");
    // Material calls this plugin, then removes lunr.fr's functions not named in `pipeline`.
    lunr.fr = function () {
      this.pipeline.reset();
      this.pipeline.add(normaliser);
      this.searchPipeline.reset();
      this.searchPipeline.add(normaliser);
    };
    Object.keys(francais).forEach(function (cle) { lunr.fr[cle] = francais[cle]; });
    lunr.fr.adapte = true;
    var construire = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      index = construire.call(this);
      termes = Object.keys(index.invertedIndex).sort();
      Object.keys(graphies).forEach(function (terme) {
        Object.keys(graphies[terme]).forEach(function (graphie) { ecrits[sansAccents(graphie)] = terme; });
      });
      ecritsTries = Object.keys(ecrits).sort();
      return index;
    };
  }

  // --- The query -------------------------------------------------------------------------

  // The first of a sorted list at or after `prefixe`.
  function premierAvec(liste, prefixe) {
    var bas = 0, haut = liste.length;
    while (bas < haut) {
      var milieu = (bas + haut) >> 1;
      if (liste[milieu] < prefixe) bas = milieu + 1; else haut = milieu;
    }
    return bas;
  }

  function commenceUnTerme(prefixe) {
    var i = premierAvec(termes, prefixe);
    return i < termes.length && termes[i].lastIndexOf(prefixe, 0) === 0;
  }

  function commenceUnMot(prefixe) {
    var i = premierAvec(ecritsTries, prefixe);
    return i < ecritsTries.length && ecritsTries[i].lastIndexOf(prefixe, 0) === 0;
  }

  function nombreDePages(terme) {
    var champs = index.invertedIndex[terme] || {}, pages = Object.create(null);
    Object.keys(champs).forEach(function (champ) {
      if (champ !== "_index") Object.keys(champs[champ]).forEach(function (ref) { pages[ref.split("#")[0]] = true; });
    });
    return Object.keys(pages).length;
  }

  // Every word one letter away: a letter missing, one more, one changed, two swapped.
  function voisins(mot) {
    var trouves = [];
    for (var i = 0; i <= mot.length; i++) {
      var avant = mot.slice(0, i), apres = mot.slice(i);
      if (apres) trouves.push(avant + apres.slice(1));
      if (apres.length > 1) trouves.push(avant + apres[1] + apres[0] + apres.slice(2));
      for (var j = 0; j < LETTRES.length; j++) {
        if (apres) trouves.push(avant + LETTRES[j] + apres.slice(1));
        trouves.push(avant + LETTRES[j] + apres);
      }
    }
    return trouves;
  }

  // The start of a word being typed may stem to no term's start (« financemen »: the term of
  // « financement » is « financ »): what the terms of the words it starts have in common.
  function termeCommun(debut) {
    var commun = null;
    for (var i = premierAvec(ecritsTries, debut); i < ecritsTries.length && ecritsTries[i].lastIndexOf(debut, 0) === 0; i++) {
      var terme = ecrits[ecritsTries[i]], n = 0;
      if (commun === null) commun = terme;
      while (n < commun.length && commun[n] === terme[n]) n++;
      commun = commun.slice(0, n);
    }
    return commun;
  }

  // The term of a word of five letters or more one letter away from the typed one: a word
  // the site writes, else the start of one; the most widespread on the site first.
  function correction(simple) {
    var meilleur = null, sonEcrit = false, sesPages = 0, vus = Object.create(null);
    voisins(simple).forEach(function (voisin) {
      if (voisin.length < LONGUEUR_TYPO || vus[voisin]) return;
      vus[voisin] = true;
      var terme = ecrits[voisin], ecrit = Boolean(terme);
      if (!ecrit) {
        if (!commenceUnMot(voisin)) return;
        terme = racine(voisin);
        if (!(terme in index.invertedIndex)) return;
      }
      // A word the site writes first, then the one on more pages.
      var pages = nombreDePages(terme);
      if (ecrit > sonEcrit || (ecrit === sonEcrit && pages > sesPages)) {
        meilleur = terme; sonEcrit = ecrit; sesPages = pages;
      }
    });
    return meilleur;
  }

  // The site's spellings of the terms a query term starts (few enough to be highlighted).
  function graphiesDe(terme, mot) {
    var trouvees = [];
    for (var i = premierAvec(termes, terme); i < termes.length && termes[i].lastIndexOf(terme, 0) === 0; i++) {
      trouvees.push.apply(trouvees, Object.keys(graphies[termes[i]] || {}));
      if (trouvees.length > MAX_GRAPHIES) return [mot];
    }
    return trouvees.length ? trouvees : [mot];
  }

  // The reader's query -> lunr terms ("salar"), and what each term stands for.
  function reecrire(requete) {
    var mots = requete.replace(SYNTAXE_LUNR, " ").split(separateur).filter(function (m) { return m.replace(BORDS, ""); });
    var clauses = [], lecture = Object.create(null);
    mots.forEach(function (brut) {
      var mot = brut.toLowerCase().replace(BORDS, "");
      var lu = lire(mot, false), simple = sansAccents(mot), terme = lu;
      if (!terme && mots.length === 1) terme = simple; // a first word being typed ("de…")
      if (!terme) return;
      // Four letters typed: a word of five with one letter missing.
      if (lu && simple.length >= LONGUEUR_TYPO - 1 && !(lu in index.invertedIndex) && !commenceUnMot(simple)) {
        terme = correction(simple) || terme;
      } else if (lu && !commenceUnTerme(terme)) {
        terme = termeCommun(simple) || terme;
      }
      if (!lecture[terme]) clauses.push(terme); // Material adds "*"
      lecture[terme] = { mot: mot, graphies: graphiesDe(terme, mot) };
    });
    enAttente.push(lecture);
    return clauses.join(" ");
  }

  // Material names each term of the query in a result (found or not): the reader's words instead.
  function nommer(resultat, lecture) {
    resultat.items.forEach(function (groupe) {
      groupe.forEach(function (document) {
        var noms = {};
        Object.keys(document.terms).forEach(function (terme) {
          var l = lecture[terme];
          if (!l) noms[terme] = document.terms[terme];
          else if (document.terms[terme]) l.graphies.forEach(function (g) { noms[g] = true; });
          else noms[l.mot] = false;
        });
        document.terms = noms;
      });
    });
    return resultat;
  }

  // --- Between the page and Material's worker ----------------------------------------------

  var importer = self.importScripts;
  self.importScripts = function () {
    var adresses = Array.prototype.map.call(arguments, function (a) { return new URL(a, materiel).href; });
    importer.apply(self, adresses);
    if (self.lunr && self.lunr.fr) adapterLeFrancais();
  };

  var ecouter = self.addEventListener;
  self.addEventListener = function (type, ecouteur, options) {
    if (type !== "message") return ecouter.call(self, type, ecouteur, options);
    return ecouter.call(self, "message", function (evenement) {
      var message = evenement.data;
      if (message && message.type === TYPE_SETUP) {
        separateur = new RegExp(message.data.config.separator + "|\\s+");
      } else if (message && message.type === TYPE_QUERY) {
        message = { type: TYPE_QUERY, data: index ? reecrire(message.data) : message.data };
        if (!index) enAttente.push(null);
      }
      return ecouteur.call(self, { data: message });
    }, options);
  };

  var envoyer = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === TYPE_RESULT) {
      var lecture = enAttente.shift();
      if (lecture) message = { type: TYPE_RESULT, data: nommer(message.data, lecture) };
    }
    return envoyer.call(self, message);
  };

  importer.call(self, materiel.href);
})();
