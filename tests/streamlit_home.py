"""A home folder whose ~/.streamlit asks for everything the dashboard must not do: the app's own settings win."""
from __future__ import annotations

from pathlib import Path

HOSTILE_CONFIG = """\
[server]
headless = false
showEmailPrompt = true
enableXsrfProtection = false
enableCORS = false
allowedHosts = ["*"]
maxUploadSize = 1000

[browser]
gatherUsageStats = true

[client]
toolbarMode = "developer"
showErrorLinks = true
"""


def hostile_home(home: Path) -> Path:
    """``home`` with a Streamlit config that turns on the prompt, usage stats, the Deploy button, any Host."""
    (home / ".streamlit").mkdir(parents=True, exist_ok=True)
    (home / ".streamlit" / "config.toml").write_text(HOSTILE_CONFIG)
    return home
