"""Content generation for the emploi accompagné site.

Nothing here imports MkDocs: the hooks in ``hooks/`` call these functions, so the
same generation can run under another engine or from the command line.
"""
