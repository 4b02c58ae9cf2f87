"""`python -m cekura.cli ...`"""

import sys

from . import main

sys.exit(main())
