"""The RGAA audit of the site: its grid (data/accessibilite/audit.yaml), the rate and status
computed from it, and the pages that publish it (the statement's values, the readable grid)."""
