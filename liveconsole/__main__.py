"""`python -m liveconsole` runs the same entry point as the `liveconsole` command."""

import sys

from liveconsole.cli import main

sys.exit(main())
