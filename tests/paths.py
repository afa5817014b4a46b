"""Where the tests' files are: the repository, and the inputs under tests/data."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
BAD = DATA / "bad"
TRAVELS = DATA / "travels"
# The seed article stays beside the repository (it is not ours to ship); only the test of
# the built-in trip's quotes reads it.
ARTICLE_DIR = ROOT.parent / "shared" / "seed"
