"""`make bench`: build times, page weights and Lighthouse scores, against stock Material.

Run `python -m benchmarks --help`. Modules: `projets` (scratch copies, stock sites, timed
builds), `synthese` (fictitious directory data), `poids` (bytes and layout shifts in
Chromium, also used by tests/performance), `phare` (Lighthouse), `serveur` (local gzip
server), `rapport` (the printed tables).
"""
