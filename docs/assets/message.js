/* The ready-to-send message of /preparer-ma-demande/message/.
 *
 * Written in the browser from a few fields; nothing leaves the page (no request, no
 * storage): copying uses the clipboard, "e-mail" opens the reader's own mail program
 * with a mailto: link and no address, "save" makes a text file from a blob: URL.
 * Without this script the form stays hidden and the page shows the model to copy by hand.
 */
(function () {
  "use strict";

  var form = document.getElementById("message");
  if (!form || !window.Blob || !window.URL || !URL.createObjectURL) return;
  var texte = document.getElementById("message-texte");
  var statut = document.getElementById("message-statut");
  var courriel = document.getElementById("message-courriel");
  var telecharger = document.getElementById("message-telecharger");
  var imprime = document.getElementById("message-imprime");
  var modifie = false; // the reader edited the message: the fields no longer rewrite it
  var adresseFichier = null;

  var SITUATIONS = {
    recherche: "Je cherche un emploi.",
    emploi: "J'ai un emploi et j'ai des difficultés pour le garder.",
    esat: "Je travaille en ESAT et je voudrais travailler dans une entreprise."
  };

  function valeur(nom) {
    var champ = form.elements[nom];
    return champ ? String(champ.value || "").trim() : "";
  }

  function choix(nom) {
    var coche = form.querySelector("input[name='" + nom + "']:checked");
    return coche ? coche.value : "";
  }

  function rediger() {
    var nom = valeur("nom") || "[votre prénom et votre nom]";
    var departement = valeur("departement") || "[votre département]";
    var rqth = choix("rqth");
    var mdph = choix("destinataire") === "mdph";
    var lignes = [];
    var objet = mdph && rqth === "non" ? "Demande de RQTH et d'emploi accompagné" : "Demande d'emploi accompagné";
    lignes.push("Objet : " + objet, "", "Bonjour,", "");
    lignes.push("Je m'appelle " + nom + ". Mon département : " + departement + ".");
    lignes.push(SITUATIONS[choix("situation")] || "");
    if (mdph) {
      if (rqth === "oui") lignes.push("J'ai la RQTH. Je voudrais demander l'emploi accompagné.");
      else if (rqth === "non") lignes.push("Je voudrais demander la RQTH et l'emploi accompagné, dans la même demande.");
      else lignes.push("Je voudrais demander l'emploi accompagné. Je ne sais pas si j'ai une RQTH en cours : pouvez-vous me le dire, et jusqu'à quelle date ?");
      lignes.push("", "Pouvez-vous m'envoyer le formulaire de demande à la MDPH (Cerfa n° 15692*01) et me dire où envoyer mon dossier ?");
    } else {
      if (rqth === "oui") lignes.push("J'ai la RQTH.");
      else if (rqth === "non") lignes.push("Je n'ai pas encore la RQTH : je vais la demander à la MDPH.");
      else lignes.push("Je ne sais pas si j'ai la RQTH.");
      lignes.push("", "Je voudrais demander l'emploi accompagné. Pouvez-vous regarder avec la plateforme emploi accompagné de mon département si c'est possible pour moi, et faire la prescription si c'est le cas ?");
      if (rqth === "ne-sait-pas") lignes.push("Pouvez-vous aussi m'aider à savoir si j'ai la RQTH ?");
    }
    if (form.elements.ecrit.checked) lignes.push("", "Je préfère qu'on me réponde par écrit, par e-mail ou par courrier.");
    lignes.push("", "Merci. Bonne journée.", "", nom);
    return lignes.join("\n");
  }

  // "Objet : …" on the first line is the e-mail's subject; the rest is its body.
  function decouper(message) {
    var premiere = message.split("\n", 1)[0];
    var trouve = /^Objet\s*:\s*(.*)$/.exec(premiere);
    if (!trouve) return {objet: "Demande d'emploi accompagné", corps: message};
    return {objet: trouve[1], corps: message.slice(premiere.length).replace(/^\n+/, "")};
  }

  function suivre() {
    var message = texte.value;
    var parties = decouper(message);
    courriel.href = "mailto:?subject=" + encodeURIComponent(parties.objet) +
      "&body=" + encodeURIComponent(parties.corps.replace(/\r?\n/g, "\r\n"));
    imprime.textContent = message;
  }

  function mettreAJour() {
    if (modifie) {
      statut.textContent = "Vous avez modifié le message : les champs ne le changent plus. Pour repartir du modèle, videz la zone du message.";
      return;
    }
    texte.value = rediger();
    suivre();
  }

  function annoncer(message) {
    statut.textContent = "";
    window.setTimeout(function () { statut.textContent = message; }, 50); // read again when repeated
  }

  form.addEventListener("input", function (evenement) {
    if (evenement.target === texte) {
      modifie = texte.value.trim() !== "";
      if (!modifie) texte.value = rediger();
      suivre();
      return;
    }
    mettreAJour();
  });
  form.addEventListener("change", function (evenement) {
    if (evenement.target !== texte) mettreAJour();
  });
  form.addEventListener("submit", function (evenement) { evenement.preventDefault(); });

  document.getElementById("message-copier").addEventListener("click", function () {
    var fait = function () { annoncer("Message copié. Collez-le dans votre e-mail ou dans votre document."); };
    var secours = function () {
      texte.focus();
      texte.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      if (ok) fait();
      else annoncer("La copie n'a pas marché : le message est sélectionné, copiez-le avec Ctrl + C (ou Cmd + C).");
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(texte.value).then(fait, secours);
    else secours();
  });

  // A mailto: link with no address, or no mail program on the device: say what else to do.
  courriel.addEventListener("click", function () {
    annoncer("Votre messagerie devrait s'ouvrir : écrivez l'adresse, puis envoyez. Elle ne s'ouvre pas, ou vous n'avez pas d'adresse ? Lisez « Vous n'avez pas d'adresse pour écrire ? », plus bas.");
  });

  document.getElementById("message-imprimer").addEventListener("click", function () {
    suivre();
    window.print();
  });

  telecharger.addEventListener("click", function () {
    if (adresseFichier) URL.revokeObjectURL(adresseFichier);
    adresseFichier = URL.createObjectURL(new Blob([texte.value], {type: "text/plain;charset=utf-8"}));
    telecharger.href = adresseFichier;
    annoncer("Le fichier message-emploi-accompagne.txt est prêt : votre navigateur l'enregistre, ou vous demande où le ranger.");
  });

  mettreAJour();
  form.hidden = false;
})();
