// Material's palette stylesheet styles only the dark (slate) scheme here: a reader in light
// mode never downloads it. In dark mode it is added before the first paint, and the paint
// waits for it (blocking=render); when the system turns dark later, it is added then.
// Either way it goes where this script stands, after Material's main stylesheet and before
// the site's own: appended at the end of the head, its rules would beat the site's dark-mode
// rules (links turned dark on a dark background when the system switched while reading).
// Without JavaScript, a <noscript> link with the same media query does the job.
// hooks/material_fixes.py inlines this file, minified, and calls it with the stylesheet's URL.
(function(href){
  var media="(prefers-color-scheme: dark)",dark=matchMedia(media),added=false,here=document.currentScript;
  function add(){
    if(added||!dark.matches)return;
    added=true;
    var link=document.createElement("link");
    link.rel="stylesheet";
    link.href=href;
    link.media=media;
    link.setAttribute("blocking","render");
    here.parentNode.insertBefore(link,here);
  }
  add();
  if(dark.addEventListener)dark.addEventListener("change",add);
})
