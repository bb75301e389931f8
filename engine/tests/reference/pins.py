"""The version check the reference generators share: a generator refuses to
run on library versions other than the ones its reference file was made
with, so a regenerated file differs only when the code does."""

import sys


def require_pins(script, pins, installed):
    """Exit with the pip command to run when an installed version differs
    from its pin; `installed` maps each pinned library to its version."""
    bad = {k: (pins[k], v) for k, v in installed.items() if v != pins[k]}
    if bad:
        sys.exit(
            f"{script}: installed versions differ from the pins "
            + ", ".join(f"{k}: want {w}, have {h}" for k, (w, h) in bad.items())
            + "\nInstall with: python3 -m pip install "
            + " ".join(f"{k}=={v}" for k, v in pins.items())
        )
