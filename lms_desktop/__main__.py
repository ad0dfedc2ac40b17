"""`python -m lms_desktop`: the same as the `lms-desktop` command."""

import sys

from lms_desktop.launcher import main

sys.exit(main())
