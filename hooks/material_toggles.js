// The menu and search buttons that hooks/material_fixes.py writes in place of Material's labels
// (data-ea-bascule names the checkbox): each flips Material's hidden checkbox, as the label did,
// and tells whether its panel is open (aria-expanded, kept true whoever flips the checkbox:
// Material closes both on navigation). Opening moves focus into the panel; Escape closes it and
// gives focus back to the button; focus leaving an open panel closes it. Material closes its
// search on Tab and keeps its results out of the Tab order (arrow keys only): here Tab goes
// on to the results. Registered before Material's bundle starts,
// so these keyboard listeners run first. site.css takes a closed panel out of the Tab order.
// hooks/material_fixes.py inlines this file with each line's indentation and these comment
// lines removed: each line ends a statement (with ; { } or ,).
(function(){
  var panels={__drawer:".md-sidebar--primary",__search:".md-search__inner"};
  function box(name){return document.getElementById(name);}
  function panel(name){return document.querySelector(panels[name]);}
  function button(name){return document.querySelector(".md-header [aria-expanded][data-ea-bascule="+name+"]");}
  function sync(name){button(name).setAttribute("aria-expanded",String(box(name).checked));}
  function shown(element){return element.getClientRects().length>0&&getComputedStyle(element).visibility==="visible";}
  function open(name){
    if(!box(name).checked)box(name).click();
    var first=panel(name).querySelector(name==="__search"?"input":"a[href]");
    if(first)first.focus();
  }
  function close(name,refocus){
    if(box(name).checked)box(name).click();
    if(!refocus)return;
    if(shown(button(name)))button(name).focus();
    else if(panel(name).contains(document.activeElement))document.activeElement.blur();
  }
  document.addEventListener("click",function(event){
    var target=event.target.closest&&event.target.closest("[data-ea-bascule]");
    if(!target)return;
    var name=target.getAttribute("data-ea-bascule");
    if(box(name).checked)close(name,true);
    else open(name);
  });
  document.addEventListener("change",function(event){
    if(panels.hasOwnProperty(event.target.id))sync(event.target.id);
  });
  window.addEventListener("keydown",function(event){
    for(var name in panels){
      if(!box(name).checked)continue;
      if(event.key==="Escape"){
        close(name,true);
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      if(event.key!=="Tab"||!panel(name).contains(document.activeElement))continue;
      event.stopImmediatePropagation();
      panel(name).querySelectorAll(".md-search-result__link[tabindex]").forEach(function(link){link.removeAttribute("tabindex");});
    }
  });
  document.addEventListener("focusout",function(event){
    var to=event.relatedTarget;
    for(var name in panels){
      if(box(name).checked&&to&&panel(name).contains(event.target)&&!panel(name).contains(to))close(name,false);
    }
  });
  sync("__drawer");
  sync("__search");
})();
