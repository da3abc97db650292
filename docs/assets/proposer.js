/* Proposal form of /contribuer/proposer/ (emploi_accompagne/annuaire/page_proposer.py).
 *
 * The fields, their labels, messages, order and the model's lengths are read from the page,
 * which is generated from formulaire.CHAMPS (itself from the model): nothing about a particular
 * field is written here, but the "source" choice (a public page's address, or none).
 *
 * Checks follow the GOV.UK Design System: on sending, an error summary at the top
 * ("Il y a un problème", focused, one link per error to its field), the same message
 * beside each field (aria-describedby, aria-invalid) and "Erreur : " before the title.
 *
 * A line of text is refused for what `from-issue` refuses in it (proposition._defauts: tags, "#",
 * quotes…), with its messages, which the page gives (proposition.regles_du_formulaire).
 *
 * A postal code and a commune are checked against the département as the model checks
 * them (annuaire/localisation.py: same rule, same messages), in the finder's index, which
 * the page fetches only when one of them is given.
 *
 * Then the proposal leaves the page in one of two ways, none through a server of ours:
 * a mailto: link whose body is plain French, "<libellé> :" then the value on the next
 * line (read by `from-issue` as it reads a GitHub issue form), or GitHub's issue form prefilled by its
 * query string (public fields only, but those GitHub shows as a dropdown, which it cannot
 * prefill; long values cut to stay below GitHub's URL limit).
 */
(function () {
  "use strict";

  var form = document.getElementById("proposer");
  if (!form || !window.Element || !Element.prototype.closest || !window.encodeURIComponent) {
    return; // the page explains how to send a proposal without the form
  }

  var SANS_REPONSE = form.getAttribute("data-sans-reponse");
  var SOURCE_PLATEFORME = form.getAttribute("data-source-plateforme");
  var SOURCE_ANCIENNE = form.getAttribute("data-source-ancienne"); // still read in a link
  var OBJET = form.getAttribute("data-objet");
  var LIMITE_URL = parseInt(form.getAttribute("data-limite-url"), 10);
  var MESSAGE_RIEN = form.getAttribute("data-message-rien");
  var NOTE_COUPE = form.getAttribute("data-note-coupe");
  var COURRIEL = form.getAttribute("data-courriel");
  var GITHUB = form.getAttribute("data-github");
  var MODELE_GITHUB = form.getAttribute("data-modele-github");
  var TITRE = document.title;

  var resume = byId("proposer-erreurs");
  var listeErreurs = byId("proposer-erreurs-liste");
  var resultat = byId("proposer-resultat");
  var champs = toArray(form.querySelectorAll("[data-champ]"));

  function byId(id) {
    return document.getElementById(id);
  }

  function toArray(liste) {
    return Array.prototype.slice.call(liste);
  }

  function enc(texte) {
    return encodeURIComponent(texte);
  }

  // --- Reading the fields ---------------------------------------------------------------

  function forme(champ) {
    return champ.getAttribute("data-forme");
  }

  function radioCochee(champ) {
    return champ.querySelector("input[type=radio]:checked");
  }

  function saisieTexte(champ) {
    return champ.querySelector("input:not([type=radio]), select, textarea");
  }

  function nettoyer(texte) {
    return texte.replace(/\r\n?/g, "\n").split("\n").map(function (ligne) {
      return ligne.replace(/\s+$/, "");
    }).join("\n").trim();
  }

  function valeur(champ) {
    var coche = radioCochee(champ);
    if (forme(champ) === "source") {
      if (!coche) return "";
      return coche.value === "plateforme" ? SOURCE_PLATEFORME : nettoyer(saisieTexte(champ).value);
    }
    if (forme(champ) === "radios") return coche ? coche.value : "";
    return nettoyer(saisieTexte(champ).value);
  }

  function lire() {
    return champs.map(function (champ) {
      return {
        id: champ.getAttribute("data-champ"),
        libelle: champ.getAttribute("data-libelle"),
        valeur: valeur(champ),
        prive: champ.hasAttribute("data-prive"),
        horsUrl: champ.hasAttribute("data-hors-url-github") // a dropdown on GitHub: not prefilled by the URL
      };
    });
  }

  // --- Checks ---------------------------------------------------------------------------

  // A check gives true, false (the field's message) or its own message.
  var FORMATS = {
    telephone: function (texte, champ) {
      return verdictTelephone(texte, JSON.parse(champ.getAttribute("data-regles")));
    },
    courriel: function (texte) {
      texte = sansEncadrement(texte).trim();  // as the model reads it: « nom@exemple.fr » is nom@exemple.fr
      // Plain letters only: "аpple.com" in Cyrillic, or its "xn--" form, imitates another address (as the model says).
      return /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/.test(texte) && /^[\x21-\x7e]+$/.test(texte) && !/[@.]xn--/i.test(texte);
    },
    https: function (texte) {
      if (!/^https:\/\/[^\s\/?#@\\%]+\.[^\s\/?#@.\\%]+(?:[\/?#]\S*)?$/i.test(texte)) return false;
      try {
        if (!window.URL) return true;
        var url = new URL(texte);
        return url.protocol === "https:" && !url.username && !/(^|\.)xn--/i.test(url.hostname);
      } catch (e) {
        return false;
      }
    },
    "code-postal": function (texte) {
      return /^\d{5}$/.test(texte.replace(/\s/g, ""));
    }
  };

  // modele.normalise_telephone's rule, with what the page gives (page_proposer.regles_telephone):
  // the same characters, then the national number tested against phonenumbers' patterns.
  var LETTRE = (function () {
    try {
      return new RegExp("\\p{L}", "u");
    } catch (e) {
      return null;
    }
  })();

  function estUneLettre(c) {
    return LETTRE ? LETTRE.test(c) : c.toLowerCase() !== c.toUpperCase();
  }

  function montrer(c) {
    var code = c.codePointAt ? c.codePointAt(0) : c.charCodeAt(0);
    if (!/[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/.test(c)) return c;
    var hexa = code.toString(16).toUpperCase();
    return "U+" + "0000".slice(hexa.length) + hexa;
  }

  function departementChoisi() {
    var choix = form.querySelector("[data-champ=departement] select");
    return choix && choix.value ? choix.value.split(" ")[0] : "";
  }

  function verdictTelephone(texte, regles) {
    var caracteres = Array.from ? Array.from(texte.trim()) : texte.trim().split("");
    for (var i = 0; i < caracteres.length; i++) {
      var c = caracteres[i];
      if ("0123456789".indexOf(c) >= 0 || regles.separateurs.indexOf(c) >= 0 || (c === "+" && i === 0)) continue;
      if (estUneLettre(c)) return regles.messages.lettres;
      if (c === "+") return regles.messages.plus;
      return regles.messages.caractere.replace("{caractere}", montrer(c));
    }
    var chiffres = texte.replace(/[^0-9+]/g, "").replace(/^00/, "+");
    var indicatifs = regles.indicatifs;
    var indicatif = regles.departements[departementChoisi()] || regles.indicatif_par_defaut;
    var national = null;
    if (chiffres.charAt(0) === "+") {
      for (var code in indicatifs) {
        if (chiffres.indexOf(code, 1) === 1) {
          indicatif = code;
          national = chiffres.slice(1 + code.length);
        }
      }
      if (national === null) return false; // not a French number
    } else {
      national = chiffres;
      // "33 2 98…" without "+": phonenumbers takes the country code off when the rest is a number.
      if (chiffres.indexOf(indicatif) === 0 && !accepte(chiffres, indicatifs[indicatif]) &&
          accepte(chiffres.slice(indicatif.length), indicatifs[indicatif])) {
        national = chiffres.slice(indicatif.length);
      }
    }
    national = national.replace(/^0/, ""); // the trunk prefix, "(0)" of "+33 (0)2…" included
    if (new RegExp("^(?:" + indicatifs[indicatif].surtaxes + ")$").test(national)) return regles.messages.surtaxe;
    return accepte(national, indicatifs[indicatif]);
  }

  function accepte(national, motifs) {
    return new RegExp("^(?:" + motifs.joignables + ")$").test(national);
  }

  // proposition._defauts, rule by rule, on each line: the first problem from-issue would report,
  // or null. The field says which rules are its own (data-texte: "tout", "adresse" or "base").
  var TEXTE = form.hasAttribute("data-regles-texte") ? JSON.parse(form.getAttribute("data-regles-texte")) : null;
  var CONTROLE = (function () {
    try {
      return new RegExp("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "u");
    } catch (e) {
      return /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;
    }
  })();

  function codeDe(c) {
    var hexa = (c.codePointAt ? c.codePointAt(0) : c.charCodeAt(0)).toString(16).toUpperCase();
    return "0000".slice(hexa.length) + hexa;
  }

  // modele.sans_guillemets: one pair around a whole e-mail address is taken off first.
  function sansEncadrement(texte) {
    var t = texte.trim();
    var fin = TEXTE.encadrements[t.charAt(0)];
    return t.length > 2 && fin === t.charAt(t.length - 1) ? t.slice(1, -1).trim() : texte;
  }

  function defautDeTexte(texte, champ) {
    var portee = champ.getAttribute("data-texte");
    if (!TEXTE || !portee) return null;
    var messages = TEXTE.messages;
    var courriel = (saisieTexte(champ) || {}).type === "email";
    var lignes = texte.split("\n");
    for (var n = 0; n < lignes.length; n++) {
      var ligne = courriel ? sansEncadrement(lignes[n].trim()) : lignes[n].trim();
      if (!ligne) continue;
      var signes = caracteres(ligne);
      for (var i = 0; i < signes.length; i++) {
        if (signes[i] !== "\t" && CONTROLE.test(signes[i])) return messages.controle.replace("{code}", codeDe(signes[i]));
      }
      // proposition._texte_invisible, on every line of the message: GitHub would hide these.
      if (new RegExp(TEXTE.commentaire).test(ligne)) return messages.commentaire;
      if (new RegExp(TEXTE.definition_de_lien).test(ligne)) return messages.definition_de_lien;
      if (new RegExp(TEXTE.balise).test(ligne)) return messages.balise;
      if (ligne.indexOf("${{") >= 0) return messages.expression;
      if (ligne.indexOf("`") >= 0 || ligne.indexOf("$(") >= 0) return messages.commande;
      if (portee === "base") continue;
      var yaml = new RegExp(TEXTE.ligne_yaml).exec(ligne);
      if (yaml && TEXTE.noms_du_modele.indexOf(yaml[1]) >= 0) return messages.ligne_yaml.replace("{cle}", yaml[1]);
      if (portee === "tout" && ligne.indexOf('"') >= 0) return messages.guillemets;
      if (portee === "tout" && ligne.indexOf("#") >= 0) return messages.diese;
    }
    return null;
  }

  // The model's length, counted as it counts (code points, after from-issue joins the lines).
  function tropLong(texte, champ) {
    var max = parseInt(champ.getAttribute("data-longueur-max"), 10);
    return max > 0 && caracteres(texte.split(/\s+/).join(" ").trim()).length > max;
  }

  function premiereSaisie(champ) {
    return champ.querySelector("input, select, textarea");
  }

  function verifier() {
    var erreurs = [];
    var information = false;
    champs.forEach(function (champ, ordre) {
      var texte = valeur(champ);
      if (texte && champ.hasAttribute("data-information")) information = true;
      var adressePage = forme(champ) === "source" && radioCochee(champ) && radioCochee(champ).value === "page";
      if (!texte && adressePage) {
        erreurs.push({ordre: ordre, champ: champ, cible: saisieTexte(champ), message: champ.getAttribute("data-message-format")});
      } else if (!texte && champ.hasAttribute("data-obligatoire")) {
        erreurs.push({ordre: ordre, champ: champ, cible: premiereSaisie(champ), message: champ.getAttribute("data-message-vide")});
      } else if (texte && (forme(champ) !== "source" || adressePage) && defautDeTexte(texte, champ)) {
        erreurs.push({ordre: ordre, champ: champ, cible: saisieTexte(champ),
                      message: champ.getAttribute("data-libelle") + " : " + defautDeTexte(texte, champ)});
      } else if (texte && tropLong(texte, champ)) {
        // The model checks the length first, then the format.
        erreurs.push({ordre: ordre, champ: champ, cible: saisieTexte(champ), message: champ.getAttribute("data-message-longueur")});
      } else if (texte && champ.hasAttribute("data-format") && (forme(champ) !== "source" || adressePage)) {
        var verdict = FORMATS[champ.getAttribute("data-format")](texte, champ);
        if (verdict !== true) {
          var message = typeof verdict === "string" ? champ.getAttribute("data-libelle") + " : " + verdict
            : champ.getAttribute("data-message-format");
          erreurs.push({ordre: ordre, champ: champ, cible: saisieTexte(champ), message: message});
        }
      }
    });
    if (!information) {
      var premier = form.querySelector("[data-information]");
      erreurs.push({ordre: champs.indexOf(premier), champ: premier, cible: premiereSaisie(premier), message: MESSAGE_RIEN});
    }
    return erreurs.sort(function (a, b) { return a.ordre - b.ordre; });
  }

  // --- Postal code, commune and département agree (mirror of annuaire/localisation.py) --------
  // The rule and its messages come from the page (localisation.regles_du_formulaire); the
  // communes and postal codes from the finder's index (/trouver-ma-plateforme/index/), the same
  // data/communes.json. Only the "peut-être « … » ?" of an unknown commune is the model's alone.

  var LIEU = form.hasAttribute("data-regles-lieu") ? JSON.parse(form.getAttribute("data-regles-lieu")) : null;
  var INDEX = form.getAttribute("data-index-communes");
  var DEPARTEMENTS = {};
  if (LIEU) {
    LIEU.departements.forEach(function (d, rang) {
      DEPARTEMENTS[d[0]] = {nom: d[1], dans: d[2], prefixe: d[3], rang: rang};
    });
  }

  // recherche.normaliser (as docs/assets/trouver.js has it), then localisation.nom_compare.
  function normaliser(texte) {
    var t = texte.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
    t = t.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    t = t.replace(/[^a-z0-9]+/g, " ").trim();
    return t.replace(/\bste\b/g, "sainte").replace(/\bst\b/g, "saint");
  }

  function nomCompare(nom) {
    return normaliser(nom).replace(/ cedex( [0-9]+)?$/, "");
  }

  function fichierDeCommunes(nom, cles) {
    for (var i = 0; i < cles.length; i++) {
      var cle = cles[i], debut = nom;
      while (debut.length < cle.length) debut += " ";
      if (debut.slice(0, cle.length) === cle) return cle;
    }
    return null;
  }

  var fichiersIndex = {};
  function lireIndex(chemin) {
    if (!fichiersIndex[chemin]) {
      fichiersIndex[chemin] = fetch(INDEX + chemin).then(function (reponse) {
        if (!reponse.ok) throw new Error(reponse.status + " " + chemin);
        return reponse.json();
      });
      fichiersIndex[chemin].catch(function () { delete fichiersIndex[chemin]; }); // tried again next time
    }
    return fichiersIndex[chemin];
  }

  function remplir(modele, valeurs) {
    return modele.replace(/\{(\w+)\}/g, function (tout, cle) { return valeurs[cle]; });
  }

  // localisation._ou: "Nom (Département) ou …", arrondissements left out when their commune is there.
  function ou(communes) {
    var sans = communes.filter(function (c) { return !/ Arrondissement$/.test(c.nom); });
    var liste = sans.length ? sans : communes;
    return liste.slice(0, LIEU.max_communes).map(function (c) {
      return c.nom + " (" + DEPARTEMENTS[c.departement].nom + ")";
    }).join(" ou ") + (liste.length > LIEU.max_communes ? " …" : "");
  }

  // [[département, [noms]], …] of the index -> [{nom, departement}], in its order.
  function communesDuCode(lignes) {
    var communes = [];
    (lignes || []).forEach(function (ligne) {
      ligne[1].forEach(function (nom) { communes.push({nom: nom, departement: ligne[0]}); });
    });
    return communes;
  }

  function problemeCodePostal(codePostal, dep, lignes) {
    var d = DEPARTEMENTS[dep];
    if (!lignes) {
      if (codePostal.indexOf(d.prefixe) === 0) return null; // a CEDEX code: its département is its start
      return remplir(LIEU.messages.code_postal_hors_du_departement, {code_postal: codePostal, dans: d.dans, prefixe: d.prefixe});
    }
    if (lignes.some(function (ligne) { return ligne[0] === dep; })) return null;
    return remplir(LIEU.messages.code_postal_d_ailleurs, {code_postal: codePostal, dans: d.dans, communes: ou(communesDuCode(lignes))});
  }

  function problemeCommune(commune, dep, codePostal, lignesCommunes, lignesCode) {
    var d = DEPARTEMENTS[dep], nom = nomCompare(commune);
    var memes = lignesCommunes.filter(function (ligne) { return nomCompare(ligne[0]) === nom; });
    var ici = memes.filter(function (ligne) { return ligne[1] === dep; });
    if (!ici.length) {
      var ailleurs = [];
      memes.forEach(function (ligne) { if (ailleurs.indexOf(ligne[1]) < 0) ailleurs.push(ligne[1]); });
      if (ailleurs.length) {
        ailleurs.sort(function (a, b) { return DEPARTEMENTS[a].rang - DEPARTEMENTS[b].rang; });
        return remplir(LIEU.messages.commune_d_ailleurs, {commune: commune, dans: d.dans,
          ailleurs: ailleurs.slice(0, LIEU.max_communes).map(function (code) { return DEPARTEMENTS[code].dans; }).join(" ou ")});
      }
      return remplir(LIEU.messages.commune_inconnue, {commune: commune, dans: d.dans, suggestion: ""});
    }
    if (!codePostal || !lignesCode) return null; // no code, or a CEDEX code
    if (ici.some(function (ligne) { return ligne[2].indexOf(codePostal) >= 0; })) return null;
    var codes = [];
    ici.forEach(function (ligne) { ligne[2].forEach(function (cp) { if (codes.indexOf(cp) < 0) codes.push(cp); }); });
    codes.sort();
    return remplir(LIEU.messages.commune_sans_ce_code_postal, {
      nom: ici[0][0], code_postal: codePostal,
      codes: codes.slice(0, LIEU.max_codes).join(", ") + (codes.length > LIEU.max_codes ? " …" : ""),
      communes: ou(communesDuCode(lignesCode.filter(function (ligne) { return ligne[0] === dep; })))
    });
  }

  // What the index says of a postal code and of a commune's name: {codes: rows or undefined, communes: rows}.
  function donneesDuLieu(codePostal, commune) {
    return lireIndex("departements.json").then(function (resume) {
      var donnees = {codes: undefined, communes: []};
      var attentes = [];
      if (codePostal && resume.cp.indexOf(codePostal.slice(0, 2)) >= 0) {
        attentes.push(lireIndex("cp/" + codePostal.slice(0, 2) + ".json").then(function (codes) {
          donnees.codes = codes[codePostal];
        }));
      }
      var cle = commune ? fichierDeCommunes(nomCompare(commune), resume.c) : null;
      if (cle !== null) {
        attentes.push(lireIndex("c/" + cle.replace(/ /g, "_") + ".json").then(function (lignes) {
          donnees.communes = lignes;
        }));
      }
      return Promise.all(attentes).then(function () { return donnees; });
    });
  }

  function champDuLieu(cle) {
    return form.querySelector("[data-lieu=" + cle + "]");
  }

  function lieuSaisi(erreurs) {
    var champCode = champDuLieu("code_postal"), champCommune = champDuLieu("commune");
    var codePostal = champCode ? valeur(champCode).replace(/\s/g, "") : "";
    // A postal code the format check refused is reported on its own, as the model does.
    if (!/^[0-9]{5}$/.test(codePostal) || erreurs.some(function (e) { return e.champ === champCode; })) codePostal = "";
    return {dep: departementChoisi(), champCode: champCode, codePostal: codePostal,
            champCommune: champCommune, commune: champCommune ? valeur(champCommune) : ""};
  }

  // A promise of the errors of the place, or null when there is nothing to check (no fetch at all).
  function verifierLieu(erreurs) {
    if (!LIEU || !INDEX || !window.fetch || !window.Promise || !String.prototype.normalize) return null;
    var lieu = lieuSaisi(erreurs);
    if (!DEPARTEMENTS[lieu.dep] || (!lieu.codePostal && !lieu.commune)) return null;
    return donneesDuLieu(lieu.codePostal, lieu.commune).then(function (donnees) {
      var autres = [];
      var pourquoi = lieu.codePostal ? problemeCodePostal(lieu.codePostal, lieu.dep, donnees.codes) : null;
      if (pourquoi) autres.push(erreurDuLieu(lieu.champCode, pourquoi));
      var codeAccepte = pourquoi ? "" : lieu.codePostal;
      var raison = lieu.commune ? problemeCommune(lieu.commune, lieu.dep, codeAccepte, donnees.communes, donnees.codes) : null;
      if (raison) autres.push(erreurDuLieu(lieu.champCommune, raison));
      return autres;
    });
  }

  function erreurDuLieu(champ, message) {
    return {ordre: champs.indexOf(champ), champ: champ, cible: saisieTexte(champ),
            message: champ.getAttribute("data-libelle") + " : " + message};
  }

  // The index files fetched while the reader types, so that sending does not wait for them.
  function prechargerLieu() {
    var lieu = lieuSaisi([]);
    if (LIEU && INDEX && window.fetch && window.Promise && String.prototype.normalize && (lieu.codePostal || lieu.commune)) {
      donneesDuLieu(lieu.codePostal, lieu.commune).catch(function () {});
    }
  }
  ["code_postal", "commune"].forEach(function (cle) {
    var champ = champDuLieu(cle);
    if (champ) champ.addEventListener("change", prechargerLieu);
  });

  // --- Showing the errors (GOV.UK error summary and error message) -----------------------

  function ajouterDescription(element, id) {
    var actuelle = element.getAttribute("aria-describedby");
    element.setAttribute("aria-describedby", actuelle ? actuelle + " " + id : id);
    element.setAttribute("data-erreur-ajoutee", id);
  }

  function effacerErreurs() {
    toArray(form.querySelectorAll(".proposer-champ__erreur")).forEach(function (message) {
      message.parentNode.removeChild(message);
    });
    toArray(form.querySelectorAll("[data-erreur-ajoutee]")).forEach(function (element) {
      var id = element.getAttribute("data-erreur-ajoutee");
      var reste = (element.getAttribute("aria-describedby") || "").split(" ").filter(function (jeton) {
        return jeton && jeton !== id;
      });
      if (reste.length) element.setAttribute("aria-describedby", reste.join(" "));
      else element.removeAttribute("aria-describedby");
      element.removeAttribute("data-erreur-ajoutee");
    });
    toArray(form.querySelectorAll("[aria-invalid]")).forEach(function (element) {
      element.removeAttribute("aria-invalid");
    });
    champs.forEach(function (champ) {
      champ.classList.remove("proposer-champ--erreur");
    });
    listeErreurs.textContent = "";
    resume.hidden = true;
    document.title = TITRE;
  }

  function afficherErreurs(erreurs) {
    erreurs.forEach(function (erreur) {
      var id = erreur.cible.id + "-erreur";
      var message = document.createElement("p");
      message.className = "proposer-champ__erreur";
      message.id = id;
      var prefixe = document.createElement("span");
      prefixe.className = "proposer-masque";
      prefixe.textContent = "Erreur : ";
      message.appendChild(prefixe);
      message.appendChild(document.createTextNode(erreur.message));
      var radio = erreur.cible.type === "radio";
      // Label, help, error, then the field; for radios, before the choices.
      var avant = radio ? erreur.champ.querySelector(".proposer-radios") : erreur.cible;
      avant.parentNode.insertBefore(message, avant);
      erreur.champ.classList.add("proposer-champ--erreur");
      if (radio) {
        ajouterDescription(erreur.champ, id);
      } else {
        ajouterDescription(erreur.cible, id);
        erreur.cible.setAttribute("aria-invalid", "true");
      }
      var ligne = document.createElement("li");
      var lien = document.createElement("a");
      lien.href = "#" + erreur.cible.id;
      lien.textContent = erreur.message;
      ligne.appendChild(lien);
      listeErreurs.appendChild(ligne);
    });
    document.title = "Erreur : " + TITRE;
    resume.hidden = false;
    // Scrolled with its scroll-margin (proposer.css), clear of the sticky header and of Material's
    // « Retour en haut » button, which appears as the page scrolls up to the summary.
    resume.scrollIntoView({block: "start"});
    resume.focus({preventScroll: true});
  }

  // A link of the summary moves focus to its field, with the question in view.
  listeErreurs.addEventListener("click", function (event) {
    var lien = event.target.closest("a");
    var cible = lien && byId(lien.getAttribute("href").slice(1));
    if (!cible) return;
    event.preventDefault();
    var question = cible.type === "radio"
      ? cible.closest("fieldset").querySelector("legend")
      : form.querySelector("label[for='" + cible.id + "']");
    (question || cible).scrollIntoView();
    cible.focus({preventScroll: true});
  });

  // --- The proposal as text, as an e-mail, as a GitHub address ---------------------------

  function bloc(valeurs) {
    return valeurs.map(function (v) {
      return v.libelle + " :\n" + (v.valeur || SANS_REPONSE);
    }).join("\n\n") + "\n";
  }

  function objet(valeurs) {
    var departement = valeurs[0] && valeurs[0].id === "departement" ? valeurs[0].valeur : "";
    return departement ? OBJET + " : " + departement : OBJET;
  }

  function lienCourriel(valeurs) {
    var corps = bloc(valeurs).replace(/\n/g, "\r\n"); // RFC 6068: line breaks as CRLF
    return "mailto:" + enc(COURRIEL).replace(/%40/g, "@") + "?subject=" + enc(objet(valeurs)) + "&body=" + enc(corps);
  }

  function caracteres(texte) {
    return Array.from ? Array.from(texte) : texte.split("");
  }

  // The longest value cut (with a note) until the address fits; returns [url, labels cut].
  function urlGithub(valeurs) {
    var base = GITHUB + "?template=" + enc(MODELE_GITHUB) + "&title=" + enc(objet(valeurs));
    var liste = valeurs.filter(function (v) { return !v.prive && !v.horsUrl && v.valeur; }).map(function (v) {
      return {id: v.id, libelle: v.libelle, valeur: v.valeur};
    });
    function construire() {
      return base + liste.map(function (v) { return "&" + enc(v.id) + "=" + enc(v.valeur); }).join("");
    }
    var coupes = [];
    var url = construire();
    while (url.length > LIMITE_URL) {
      var candidats = liste.filter(function (v) { return v.valeur !== NOTE_COUPE.trim(); });
      if (!candidats.length) break;
      var plusLong = candidats.reduce(function (a, b) { return enc(b.valeur).length > enc(a.valeur).length ? b : a; });
      var place = enc(plusLong.valeur).length - (url.length - LIMITE_URL);
      var lettres = caracteres(plusLong.valeur);
      var bas = 0, haut = lettres.length;
      while (bas < haut) { // the most characters that fit, note included
        var milieu = Math.ceil((bas + haut) / 2);
        if (enc(lettres.slice(0, milieu).join("") + NOTE_COUPE).length <= place) bas = milieu;
        else haut = milieu - 1;
      }
      plusLong.valeur = bas ? lettres.slice(0, bas).join("").replace(/\s+$/, "") + NOTE_COUPE : NOTE_COUPE.trim();
      if (coupes.indexOf(plusLong.libelle) < 0) coupes.push(plusLong.libelle);
      url = construire();
    }
    return [url, coupes];
  }

  // --- Sending ----------------------------------------------------------------------------

  function montrerResultat(cas, valeurs) {
    var titre = resultat.querySelector(".proposer-resultat__titre");
    toArray(resultat.querySelectorAll("[data-cas]")).forEach(function (partie) {
      var visible = (" " + partie.getAttribute("data-cas") + " ").indexOf(" " + cas + " ") >= 0;
      partie.hidden = !visible;
      if (visible && partie.hasAttribute("data-titre")) titre.textContent = partie.getAttribute("data-titre");
    });
    toArray(resultat.querySelectorAll(".proposer-objet")).forEach(function (element) {
      element.textContent = objet(valeurs);
    });
    var texte = byId("proposer-texte");
    if (texte) texte.value = bloc(valeurs);
    var statut = byId("proposer-copie-statut");
    if (statut) statut.textContent = "";
    resultat.hidden = false;
    titre.focus();
  }

  function copier() {
    var texte = byId("proposer-texte");
    var statut = byId("proposer-copie-statut");
    statut.textContent = "";
    function reussi() {
      statut.textContent = statut.getAttribute("data-reussi");
    }
    function parSelection() {
      texte.focus();
      texte.select();
      var copie = false;
      try {
        copie = document.execCommand("copy");
      } catch (e) {
        copie = false;
      }
      statut.textContent = statut.getAttribute(copie ? "data-reussi" : "data-echec");
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(texte.value).then(reussi, parSelection);
    } else {
      parSelection();
    }
  }

  function envoyerParCourriel(valeurs) {
    var lien = lienCourriel(valeurs);
    byId("proposer-lien-courriel").href = lien;
    montrerResultat("courriel", valeurs);
    window.location.href = lien;
  }

  function envoyerSurGithub(valeurs) {
    var reponse = urlGithub(valeurs);
    if (!reponse[1].length) {
      window.location.href = reponse[0];
      return;
    }
    byId("proposer-lien-github").href = reponse[0];
    byId("proposer-coupes").textContent = reponse[1].join(", ");
    montrerResultat("github", valeurs);
  }

  var boutonClique = null; // for browsers without SubmitEvent.submitter
  form.addEventListener("click", function (event) {
    var bouton = event.target.closest("button[type=submit]");
    if (bouton) boutonClique = bouton;
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var bouton = event.submitter || boutonClique || form.querySelector("button[type=submit]");
    boutonClique = null;
    effacerErreurs();
    resultat.hidden = true;
    var erreurs = verifier();
    var lieu = verifierLieu(erreurs);
    if (lieu === null) {
      envoyer(erreurs, bouton);
    } else {
      // Offline, or the index unreachable: sent unchecked; the maintainers' from-issue applies the same rule.
      lieu.then(function (autres) { envoyer(erreurs.concat(autres), bouton); }, function () { envoyer(erreurs, bouton); });
    }
  });

  function envoyer(erreurs, bouton) {
    if (erreurs.length) {
      afficherErreurs(erreurs.sort(function (a, b) { return a.ordre - b.ordre; }));
      return;
    }
    var valeurs = lire();
    var voie = bouton ? bouton.value : "";
    if (voie === "github" && GITHUB) {
      envoyerSurGithub(valeurs);
    } else if (voie === "copie" && COURRIEL) {
      montrerResultat("copie", valeurs);
      copier();
    } else if (COURRIEL) {
      envoyerParCourriel(valeurs);
    }
  }

  var boutonCopier = byId("proposer-copier-texte");
  if (boutonCopier) boutonCopier.addEventListener("click", copier);

  // --- The source: a public page's address appears under its choice -------------------------

  function afficherSuite(champ) {
    var coche = radioCochee(champ);
    champ.querySelector(".proposer-radio__suite").hidden = !(coche && coche.value === "page");
  }

  champs.filter(function (champ) { return forme(champ) === "source"; }).forEach(function (champ) {
    champ.addEventListener("change", function () { afficherSuite(champ); });
  });

  // --- Prefill from the address: ?departement=29 (a code), or any field's id -----------------

  function requete(texte) {
    var parametres = {};
    texte.replace(/^\?/, "").split("&").forEach(function (paire) {
      if (!paire) return;
      var egal = paire.indexOf("=");
      var cle = egal < 0 ? paire : paire.slice(0, egal);
      var val = egal < 0 ? "" : paire.slice(egal + 1);
      try {
        parametres[decodeURIComponent(cle.replace(/\+/g, " "))] = decodeURIComponent(val.replace(/\+/g, " "));
      } catch (e) {
        // a malformed parameter is ignored
      }
    });
    return parametres;
  }

  function choisirOption(select, texte) {
    var cherche = texte.trim().toUpperCase();
    if (/^\d$/.test(cherche)) cherche = "0" + cherche;
    toArray(select.options).forEach(function (option) {
      var code = option.value.split(" ")[0].toUpperCase();
      if (option.value && (option.value.toUpperCase() === cherche || code === cherche)) select.value = option.value;
    });
  }

  function cocher(champ, valeurCherchee) {
    toArray(champ.querySelectorAll("input[type=radio]")).forEach(function (radio) {
      if (radio.value === valeurCherchee) radio.checked = true;
    });
  }

  var donnees = requete(window.location.search);
  champs.forEach(function (champ) {
    var texte = donnees[champ.getAttribute("data-champ")];
    if (!texte) return;
    if (forme(champ) === "select") {
      choisirOption(champ.querySelector("select"), texte);
    } else if (forme(champ) === "radios") {
      cocher(champ, texte);
    } else if (forme(champ) === "source") {
      if (texte === SOURCE_PLATEFORME || texte === SOURCE_ANCIENNE) {
        cocher(champ, "plateforme");
      } else {
        cocher(champ, "page");
        saisieTexte(champ).value = texte;
      }
      afficherSuite(champ);
    } else {
      saisieTexte(champ).value = texte;
    }
  });
})();
