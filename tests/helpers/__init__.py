"""Support code for the tests: building, serving and browsing the site."""
