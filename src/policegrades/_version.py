"""The version of policegrades, read by the build and by ``policegrades.__version__``."""

__version__ = "0.1.0"
