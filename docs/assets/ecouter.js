/* « Écouter »: the page's main text read aloud by the browser's own voice (Web Speech API).
 *
 * Fetched on the first press of the button of overrides/main.html, which shows it only where
 * the browser can speak. Reads the visible text of the article, block by block (a heading, a
 * paragraph, a list item): Chrome cuts long utterances short, and the block being read is
 * highlighted so the reader can follow. French voice when there is one. Pause, resume, stop;
 * the reading stops when the reader leaves the page.
 */
(function () {
  "use strict";

  var synthese = window.speechSynthesis;
  var lire = document.getElementById("ea-ecouter-lire");
  var texteBouton = document.getElementById("ea-ecouter-texte");
  var arreter = document.getElementById("ea-ecouter-arreter");
  var article = document.querySelector("article.md-content__inner");
  if (!synthese || !lire || !arreter || !article) return;

  var IGNORES = "script, style, svg, img, textarea, input, select, button, .ea-ecouter, .headerlink, .md-content__button, [aria-hidden='true']";
  var etat = "arret"; // "lecture" or "pause"
  var blocs = [];
  var indice = 0;
  var generation = 0; // utterances of a stopped reading must not start the next block

  function blocsDuTexte() {
    var trouves = [];
    var tampon = "";
    var element = null;
    function vider() {
      var texte = tampon.replace(/\s+/g, " ").trim();
      if (texte) trouves.push({texte: texte, element: element});
      tampon = "";
      element = null;
    }
    function visiter(noeud, bloc) {
      if (noeud.nodeType === 3) {
        if (!element) element = bloc;
        tampon += noeud.nodeValue;
        return;
      }
      if (noeud.nodeType !== 1 || noeud.matches(IGNORES)) return;
      var style = window.getComputedStyle(noeud);
      if (style.display === "none" || style.visibility === "hidden") return;
      var enLigne = style.display === "inline" || style.display === "contents";
      if (!enLigne) vider();
      for (var enfant = noeud.firstChild; enfant; enfant = enfant.nextSibling) visiter(enfant, enLigne ? bloc : noeud);
      if (!enLigne) vider();
    }
    visiter(article, article);
    return trouves;
  }

  function voixFrancaise() {
    var voix = synthese.getVoices();
    var langue = function (v) { return String(v.lang || "").replace("_", "-").toLowerCase(); };
    return voix.filter(function (v) { return langue(v) === "fr-fr"; })[0] ||
      voix.filter(function (v) { return langue(v).indexOf("fr") === 0; })[0] || null;
  }

  function surligner(element, oui) {
    if (element && element !== article) element.classList.toggle("ea-ecouter-en-cours", oui);
  }

  function montrer(nouvelEtat) {
    etat = nouvelEtat;
    texteBouton.textContent = etat === "lecture" ? "Pause" : etat === "pause" ? "Reprendre" : "Écouter";
    arreter.hidden = etat === "arret";
  }

  function dire(numero) {
    if (numero !== generation) return;
    if (indice >= blocs.length) { terminer(); return; }
    var bloc = blocs[indice];
    var phrase = new SpeechSynthesisUtterance(bloc.texte);
    var voix = voixFrancaise();
    phrase.lang = voix ? voix.lang : "fr-FR";
    if (voix) phrase.voice = voix;
    phrase.onstart = function () { surligner(bloc.element, true); };
    phrase.onend = phrase.onerror = function () {
      surligner(bloc.element, false);
      if (numero !== generation) return;
      indice += 1;
      dire(numero);
    };
    surligner(bloc.element, true);
    if (bloc.element && bloc.element.scrollIntoView) bloc.element.scrollIntoView({block: "nearest"});
    synthese.speak(phrase);
  }

  function commencer() {
    synthese.cancel();
    blocs = blocsDuTexte();
    indice = 0;
    generation += 1;
    montrer("lecture");
    dire(generation);
  }

  function terminer() {
    generation += 1;
    synthese.cancel();
    blocs.forEach(function (bloc) { surligner(bloc.element, false); });
    var avaitLeFocus = document.activeElement === arreter;
    montrer("arret");
    if (avaitLeFocus) lire.focus(); // the Stop button disappears: keep the keyboard where it was
  }

  lire.addEventListener("click", function () {
    if (etat === "arret") commencer();
    else if (etat === "lecture") { synthese.pause(); montrer("pause"); }
    else { synthese.resume(); montrer("lecture"); }
  });
  arreter.addEventListener("click", terminer);
  window.addEventListener("pagehide", function () { synthese.cancel(); });

  // Pressed once before this file arrived: start now.
  if (lire.hasAttribute("data-demande")) {
    lire.removeAttribute("data-demande");
    commencer();
  }
})();
