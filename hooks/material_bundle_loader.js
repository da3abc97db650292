// Material's bundle, started once the page is parsed (Material reads the whole document)
// and its first contentful paint is reported; after 3 s without a report (a tab opened in
// the background, a browser without paint timing) it starts anyway. Material subscribes
// to DOMContentLoaded when it runs, after the event: it is sent again, to it alone by then.
// hooks/material_fixes.py inlines this file, minified, and calls it with the bundle's URL.
(function(src){
  var painted=false,parsed=document.readyState!=="loading",started=false;
  function start(){
    if(started||!painted||!parsed)return;
    started=true;
    var s=document.createElement("script");
    s.src=src;
    s.onload=function(){document.dispatchEvent(new Event("DOMContentLoaded"))};
    document.body.appendChild(s)
  }
  function paintedNow(){painted=true;setTimeout(start,0)}
  if(!parsed)document.addEventListener("DOMContentLoaded",function(){parsed=true;start()},{once:true});
  try{
    new PerformanceObserver(function(list,observer){
      if(list.getEntriesByName("first-contentful-paint").length){observer.disconnect();paintedNow()}
    }).observe({type:"paint",buffered:true})
  }catch(e){paintedNow()}
  setTimeout(paintedNow,3000)
})
