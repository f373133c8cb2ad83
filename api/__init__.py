"""Front doors: the HTTP API (FastAPI), the Slack slash command and the CLI."""
