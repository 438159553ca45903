"""Allow ``python -m backskills``."""

from backskills.cli.main import main

if __name__ == "__main__":
    main()
