/* The questionnaire's département question: a field that shortens the list of 101 links.
 *
 * Without JavaScript the field stays hidden and the whole list is there. The list is
 * filtered as the reader types; the number of départements left is announced politely
 * (role=status), once the typing pauses, so that a screen reader is not interrupted.
 */
(function () {
  "use strict";

  var bloc = document.getElementById("filtre-departements");
  var champ = document.getElementById("filtre-departements-champ");
  var statut = document.getElementById("filtre-departements-statut");
  var liste = document.getElementById("liste-departements");
  if (!bloc || !champ || !liste || !String.prototype.normalize) return;

  var DELAI_ANNONCE_MS = 500;
  var minuteur = null;

  // As the finder does: no case, no accents, any punctuation as one space.
  function normaliser(texte) {
    var t = texte.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae");
    t = t.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return t.replace(/[^a-z0-9]+/g, " ").trim();
  }

  // "Ardèche (07)" -> " ardeche 07": a query matches from the start of any word.
  var elements = Array.prototype.map.call(liste.querySelectorAll("li"), function (li) {
    return {li: li, texte: " " + normaliser(li.textContent)};
  });
  var groupes = Array.prototype.filter.call(liste.querySelectorAll("ul"), function (ul) {
    return ul.previousElementSibling && /^H[2-6]$/.test(ul.previousElementSibling.tagName);
  });

  function filtrer() {
    var requete = normaliser(champ.value);
    var cherches = requete ? [" " + requete] : [];
    if (/^[0-9]$/.test(requete)) cherches.push(" 0" + requete); // "7" finds Ardèche (07)
    var nombre = 0;
    elements.forEach(function (element) {
      var garde = !requete || cherches.some(function (c) { return element.texte.indexOf(c) !== -1; });
      element.li.hidden = !garde;
      if (garde) nombre++;
    });
    groupes.forEach(function (ul) {
      var vide = !ul.querySelector("li:not([hidden])");
      ul.hidden = vide;
      ul.previousElementSibling.hidden = vide;
    });
    return requete ? nombre : null;
  }

  function annoncer(nombre) {
    if (nombre === null) statut.textContent = "";
    else if (nombre === 0) statut.textContent = "Aucun département ne correspond. Vérifiez l'orthographe, ou effacez le texte pour revoir toute la liste.";
    else if (nombre === 1) statut.textContent = "1 département correspond, juste en dessous.";
    else statut.textContent = nombre + " départements correspondent, juste en dessous.";
    bloc.setAttribute("data-filtre", champ.value); // which text the list answers (tests wait for it)
  }

  champ.addEventListener("input", function () {
    var nombre = filtrer();
    window.clearTimeout(minuteur);
    minuteur = window.setTimeout(function () { annoncer(nombre); }, DELAI_ANNONCE_MS);
  });
  // Enter in the field would do nothing: with one département left, open it.
  champ.addEventListener("keydown", function (evenement) {
    if (evenement.key !== "Enter") return;
    var restants = elements.filter(function (element) { return !element.li.hidden; });
    if (champ.value && restants.length === 1) {
      evenement.preventDefault();
      restants[0].li.querySelector("a").click();
    }
  });

  bloc.hidden = false;
  if (champ.value) annoncer(filtrer()); // the browser may restore the text on "Back"
})();
