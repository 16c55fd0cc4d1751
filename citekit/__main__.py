"""``python -m citekit`` runs the command-line interface."""

from citekit.cli import main

if __name__ == "__main__":
    main()
