"""The web dashboard: static HTML, JavaScript and CSS in ``static/`` (no build step, no CDN)."""
