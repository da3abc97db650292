// Action bar of the département pages: shows the buttons this browser can run
// (print, Web Share, else copy the link) and runs them. The e-mail and SMS links need no script.
(function () {
  var barre = document.querySelector(".annuaire-barre");
  if (!barre || !barre.closest) return;
  var url = barre.getAttribute("data-url") || location.href.split("#")[0];
  var statut = barre.querySelector("[role=status]");
  var partage = typeof navigator.share === "function";
  var copie = !partage && navigator.clipboard && typeof navigator.clipboard.writeText === "function";
  function montrer(nom, oui) {
    if (oui) barre.querySelector('[data-si="' + nom + '"]').hidden = false;
  }
  montrer("impression", typeof window.print === "function");
  montrer("partage", partage);
  montrer("copie", copie);
  function annoncer(texte) {
    // Emptied first, so that the same message is announced again on a second copy.
    statut.textContent = "";
    setTimeout(function () { statut.textContent = texte; }, 100);
  }
  barre.addEventListener("click", function (event) {
    var bouton = event.target.closest("button[data-action]");
    if (!bouton) return;
    var action = bouton.getAttribute("data-action");
    if (action === "imprimer") {
      window.print();
    } else if (action === "partager") {
      navigator.share({ title: document.title, url: url }).catch(function () {});
    } else if (action === "copier") {
      navigator.clipboard.writeText(url).then(
        function () { annoncer(statut.getAttribute("data-reussi")); },
        function () { annoncer(statut.getAttribute("data-echec") + " " + url); }
      );
    }
  });
})();
