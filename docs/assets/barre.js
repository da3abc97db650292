// Action bar of the département pages: runs its buttons (print, Web Share, else copy the link),
// which a small script right after the bar shows when this browser can run them (the page's
// template). The e-mail and SMS links need no script.
(function () {
  var barre = document.querySelector(".annuaire-barre");
  if (!barre || !barre.closest) return;
  var url = barre.getAttribute("data-url") || location.href.split("#")[0];
  var statut = barre.querySelector("[role=status]");
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
