"""Sphinx configuration: Markdown pages through MyST, the furo theme, and autodoc."""

import pathlib
import sys

import policegrades

sys.path.insert(0, str(pathlib.Path(__file__).parent / "_ext"))

project = "policegrades"
author = "The policegrades developers"
copyright = "2026, The policegrades developers"
release = policegrades.__version__
version = release

extensions = [
    "site_pages",
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx.ext.viewcode",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3
html_theme = "furo"
html_title = "policegrades"

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True, "show-inheritance": True}
intersphinx_mapping = {}
html_static_path = ["_static"]
html_css_files = ["policegrades.css"]
html_js_files = ["policegrades.js"]
html_favicon = "_static/favicon.svg"
