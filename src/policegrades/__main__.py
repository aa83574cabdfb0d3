"""``python -m policegrades``: the command line."""

from policegrades.cli import main_exit

main_exit()
