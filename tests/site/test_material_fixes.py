"""hooks/material_fixes.py: each fix applies to Material's markup and fails loudly when
that markup has changed (e.g. after a Material upgrade)."""

import pytest

from tests.helpers.modules import load_module

material_fixes = load_module("hooks/material_fixes.py", "material_fixes")

PAGE = """<head>
<link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
<link rel="stylesheet" href="../assets/stylesheets/palette.fb2fffe2.min.css">
</head>
<body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
<div data-md-component="skip">
  </div>
<div class="md-search" data-md-component="search" role="dialog">
<div class="md-search__inner" role="search"></div></div>
<a href="https://example.org/depot" title="Aller au dépôt" class="md-source" data-md-component="source">x</a>
<div class="md-content"><article><h1>Page introuvable</h1></article></div>
<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
</body>"""


def test_fixes_apply_to_materials_markup():
    fixed = material_fixes.fix_material_markup(PAGE, where="test")
    assert 'autocomplete' not in fixed
    assert 'role="dialog" aria-label="Recherche"' in fixed
    assert 'role="search" aria-label="Rechercher dans le site"' in fixed
    assert 'data-md-component="source"' not in fixed and 'class="md-source"' in fixed
    assert '<a href="#contenu" class="md-skip">' in fixed
    assert '<h1 id="contenu" tabindex="-1">Page introuvable</h1>' in fixed
    assert 'palette.fb2fffe2.min.css" media="(prefers-color-scheme: dark)">' in fixed
    assert '<script src="../assets/javascripts/bundle' not in fixed
    assert 's.src=src' in fixed and '("../assets/javascripts/bundle.a5f9d56c.min.js")</script>' in fixed


@pytest.mark.parametrize("changed", [
    ('role="dialog"', 'role="dialog" aria-modal="true"'),
    ('id="__search" autocomplete="off"', 'id="__search"'),
    ('class="md-source" data-md-component="source"', 'data-md-component="source" class="md-source"'),
    ('<link rel="stylesheet" href="../assets/stylesheets/palette', '<link href="../assets/stylesheets/palette'),
    ('<script src="../assets/javascripts/bundle', '<script defer src="../assets/javascripts/bundle'),
])
def test_changed_markup_fails_the_build(changed):
    with pytest.raises(material_fixes.MaterialMarkupChanged):
        material_fixes.fix_material_markup(PAGE.replace(*changed), where="test")
