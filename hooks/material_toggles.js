// The menu and search buttons that hooks/material_fixes.py writes in place of Material's labels
// (data-ea-bascule names the checkbox): each flips Material's hidden checkbox, as the label did,
// and tells whether its panel is open (aria-expanded, kept true whoever flips the checkbox:
// Material closes both on navigation). Opening moves focus into the panel; Escape closes it and
// gives focus back to the button; focus leaving an open panel closes it. Material closes its
// search on Tab and keeps its results out of the Tab order (arrow keys only): here Tab goes
// on to the results, and Shift+Tab back. Registered before Material's bundle starts, so these
// keyboard listeners run first. site.css takes a closed panel out of the Tab order.
// hooks/material_fixes.py inlines this file, minified.
(function(d){
  var panels={__drawer:".md-sidebar--primary",__search:".md-search__inner"};
  function box(n){return d.getElementById(n);}
  function panel(n){return d.querySelector(panels[n]);}
  function button(n){return d.querySelector(".md-header [aria-expanded][data-ea-bascule="+n+"]");}
  function inside(n,e){return panel(n).contains(e);}
  function sync(n){button(n).setAttribute("aria-expanded",box(n).checked);}
  function flip(n,open){if(box(n).checked!==open)box(n).click();}
  function close(n){
    var b=button(n),f=d.activeElement;
    flip(n,false);
    if(b.getClientRects().length)b.focus();
    else if(inside(n,f))f.blur();
  }
  d.addEventListener("click",function(e){
    var t=e.target.closest&&e.target.closest("[data-ea-bascule]"),n=t&&t.getAttribute("data-ea-bascule");
    if(!n)return;
    if(box(n).checked)return close(n);
    flip(n,true);
    t=panel(n).querySelector(n==="__search"?"input":"a[href]");
    if(t)t.focus();
  });
  d.addEventListener("change",function(e){
    if(panels[e.target.id])sync(e.target.id);
  });
  addEventListener("keydown",function(e){
    for(var n in panels){
      if(!box(n).checked)continue;
      if(e.key==="Escape"){
        close(n);
        e.preventDefault();
        return e.stopImmediatePropagation();
      }
      if(!inside(n,d.activeElement))continue;
      // Material moves focus to its search field on any key it has no use for, Shift and Alt
      // included: Shift+Tab on a result then went back from the field, out of the search.
      if(/^(Shift|Alt|AltGraph)$/.test(e.key))return e.stopImmediatePropagation();
      if(e.key!=="Tab")continue;
      e.stopImmediatePropagation();
      panel(n).querySelectorAll(".md-search-result__link").forEach(function(a){a.removeAttribute("tabindex");});
    }
  });
  d.addEventListener("focusout",function(e){
    var to=e.relatedTarget;
    for(var n in panels)if(box(n).checked&&to&&inside(n,e.target)&&!inside(n,to))flip(n,false);
  });
  // Material's one-key shortcuts (f, s or / open the search; p or , and n or . go to the
  // previous or next page) can be neither turned off nor changed (RGAA 12.10, WCAG 2.1.4): a
  // printable key without Ctrl, Alt or Meta, outside a field, stops here. What the key does by
  // itself (a space presses a button, scrolls the page) is kept.
  addEventListener("keydown",function(e){
    if(e.key.length!==1||e.ctrlKey||e.altKey||e.metaKey)return;
    var t=e.target;
    if(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))return;
    e.stopImmediatePropagation();
  });
  sync("__drawer");
  sync("__search");
})(document);
