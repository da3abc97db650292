"""`make bench`: build times, page weights and Lighthouse scores, against stock Material.

Run `python -m benchmarks --help`. Modules: `projets` (scratch copies, stock sites, timed
builds), `synthese` (fictitious directory data), `poids` (bytes and layout shifts in
Chromium, also used by tests/performance), `phare` (Lighthouse), `serveur` (the local gzip
server, with a real host's cache headers), `rapport` (the printed tables). Chromium, its
flags and the server are shared with the tests: tests/helpers/chromium.py and server.py.
"""
