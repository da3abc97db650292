"""Tests on the built site: every page, in headless Chromium and with the W3C Nu checker."""
