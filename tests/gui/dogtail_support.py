# SPDX-License-Identifier: GPL-3.0-or-later
"""What the interface scripts share: dogtail set up for a fast, quiet run
under tests/run-with-display, and small helpers over the accessibility
tree."""

import sys
import time

from dogtail.config import config

config.logDebugToFile = False
config.checkForA11y = False
config.searchBackoffDuration = 0.1
config.searchCutoffCount = 100
config.defaultDelay = config.actionDelay = 0.1
config.typingDelay = 0.02

from dogtail import rawinput, tree  # noqa: E402,F401
from gi.repository import GLib  # noqa: E402

sys.excepthook = sys.__excepthook__  # dogtail swallows tracebacks


def wait_for(what, fn, timeout=20.0):
    """Polls fn until it returns something true; fails naming `what`."""
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            value = fn()
            if value:
                return value
        except Exception as e:  # the tree changes under our feet
            last = e
        time.sleep(0.05)
    raise AssertionError("timed out waiting for %s (%r)" % (what, last))


def text_of(node):
    t = node.queryText()
    return t.getText(0, t.characterCount)


def find(root, pred):
    return root.findChild(pred, retry=False, requireResult=False)


def find_all(root, pred):
    return root.findChildren(pred)


def close_last_window(frame):
    """Closes the application's last window.  The application then ends,
    and may be gone before it answers the accessibility call: the caller
    checks its exit status instead."""
    try:
        frame.doActionNamed("window.close")
    except GLib.GError as e:
        # Gone before answering: the connection drops, or the call waits
        # for a reply that never comes.
        if "disconnected" not in str(e) and "Did not receive a reply" not in str(e):
            raise
