"""HTTP routes, one module per resource: ask, documents (and outlets), health."""
