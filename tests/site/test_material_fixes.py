"""hooks/material_fixes.py: each fix applies to Material's markup and fails loudly when
that markup has changed (e.g. after a Material upgrade)."""

import pytest

from tests.helpers.modules import load_hook

material_fixes = load_hook("hooks/material_fixes.py", "material_fixes")

PAGE = """<head>
<link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">
</head>
<body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<div data-md-component="skip">
  </div>
<label class="md-overlay" for="__drawer"></label>
<header class="md-header">
<label class="md-header__button md-icon" for="__drawer">
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M3 6h18"/></svg>
</label>
<label class="md-header__button md-icon" for="__search">
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3"/></svg>
</label>
<div class="md-search" data-md-component="search" role="dialog">
<label class="md-search__overlay" for="__search"></label>
<div class="md-search__inner" role="search"><form class="md-search__form" name="search">
<label class="md-search__icon md-icon" for="__search">
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3"/></svg>
  <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 11"/></svg>
</label></form>
<div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix></div></div></div>
</header>
<nav class="md-nav md-nav--primary"><label class="md-nav__title" for="__drawer">Emploi accompagné</label>
<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">
<li class="md-nav__item md-nav__item--section md-nav__item--nested">
  <input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_12" >
  <label class="md-nav__link" for="__nav_12" id="__nav_12_label" tabindex="">À propos du site</label>
<li class="md-nav__item md-nav__item--active md-nav__item--section md-nav__item--nested">
  <input class="md-nav__toggle md-toggle " type="checkbox" id="__nav_13" checked>
  <label class="md-nav__link" for="__nav_13" id="__nav_13_label" tabindex="">Section de la page</label>
</nav>
<a href="https://example.org/depot" title="Aller au dépôt" class="md-source" data-md-component="source">x</a>
<div class="md-content"><article class="md-content__inner md-typeset"><h1>Page introuvable</h1>
<svg class="carte" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg></article></div>
<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
</body>"""


def test_fixes_apply_to_materials_markup():
    fixed = material_fixes.fix_material_markup(PAGE, where="test")
    assert 'autocomplete' not in fixed
    assert fixed.count('type="checkbox" id="__drawer" aria-hidden="true">') == 1
    assert '<button type="button" class="md-header__button md-icon" data-ea-bascule="__drawer" aria-label="Menu"' in fixed
    assert 'data-ea-bascule="__search" aria-label="Rechercher" aria-expanded="false">' in fixed
    assert '<label for="__search" hidden></label>' in fixed  # Material's search code looks it up
    assert 'aria-label="Fermer la recherche"' in fixed
    assert '<div class="md-overlay" data-ea-bascule="__drawer"></div>' in fixed
    assert 'for="__drawer"' not in fixed and 'for="__nav_12"' not in fixed and 'for="__nav_13"' not in fixed
    assert 'id="__toc"' not in fixed  # labelled by nothing
    assert fixed.count('aria-hidden="true"><path') == 4
    assert '<svg class="carte" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">' in fixed
    assert 'tabindex="0"' not in fixed
    toggles = material_fixes.minified_script(material_fixes.TOGGLES_FILE)
    source = material_fixes.TOGGLES_FILE.read_text(encoding="utf-8")
    assert f"<script>{toggles}</script></body>" in fixed
    assert "// " not in toggles and len(toggles) < 0.7 * len(source)  # minified, comments out
    assert 'role="dialog" aria-label="Recherche"' in fixed
    assert 'role="search" aria-label="Rechercher dans le site"' in fixed
    assert 'data-md-component="source"' not in fixed and 'class="md-source"' in fixed
    assert '<a href="#contenu" class="md-skip">' in fixed
    assert '<h1 id="contenu" tabindex="-1">Page introuvable</h1>' in fixed
    # The dark palette: added by a script only in dark mode, or by <noscript> with its media query.
    assert '<link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">' not in fixed
    assert '("../assets/stylesheets/palette.fb2fffe2.min.css")</script>' in fixed
    assert '<noscript><link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css" media="(prefers-color-scheme: dark)"></noscript>' in fixed
    assert '<script src="../assets/javascripts/bundle' not in fixed
    assert 's.src=src' in fixed and '("../assets/javascripts/bundle.a5f9d56c.min.js")</script>' in fixed


@pytest.mark.parametrize("changed", [
    ('role="dialog"', 'role="dialog" aria-modal="true"'),
    ('id="__search" autocomplete="off"', 'id="__search"'),
    ('class="md-source" data-md-component="source"', 'data-md-component="source" class="md-source"'),
    ('<link rel="stylesheet" href="../assets/stylesheets/palette', '<link href="../assets/stylesheets/palette'),
    ('<script src="../assets/javascripts/bundle', '<script defer src="../assets/javascripts/bundle'),
    ('<label class="md-header__button md-icon" for="__drawer">', '<label class="md-header__button" for="__drawer">'),
    ('<label class="md-overlay" for="__drawer"></label>', '<div class="md-overlay"></div>'),
    ('<label class="md-search__icon md-icon" for="__search">', '<label class="md-search__icon" for="__search">'),
    ('<label class="md-nav__title" for="__drawer">', '<div class="md-nav__title">'),
    ('tabindex="0" data-md-scrollfix', 'data-md-scrollfix'),
])
def test_changed_markup_fails_the_build(changed):
    with pytest.raises(material_fixes.MaterialMarkupChanged):
        material_fixes.fix_material_markup(PAGE.replace(*changed), where="test")
