"""The frozen program's entry point: exactly the ``loandesk`` command."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
