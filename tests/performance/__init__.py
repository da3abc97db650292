"""Performance budgets on the built site: bytes, layout shifts, caching, render blocking."""
