"""Zero error from the W3C Nu HTML checker (npm package vnu-jar) on every page.

The checker runs once over all the pages, in the background from the start of the run
(tests/helpers/nu.py); each page's errors are reported by its own test.
"""
import pytest

from tests.helpers import nu

pytestmark = pytest.mark.vnu


def test_no_nu_checker_error(site_page, nu_errors):
    errors = nu_errors.get(str(site_page.file.resolve()), [])
    assert not errors, f"W3C Nu checker errors in {site_page} ({site_page.file}):\n" + "\n".join(errors)


def test_the_checker_sees_an_error(tmp_path):
    """The checker is the real one, and its errors reach the tests."""
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html lang=fr><title>t</title><p><div>bloc dans un paragraphe</div></p>", encoding="utf-8")
    found = nu.check([str(page)])
    assert "unavailable" not in found, found.get("unavailable")
    assert found["errors"].get(str(page.resolve())), found
