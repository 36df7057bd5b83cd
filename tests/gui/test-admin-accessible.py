#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The windows of administration, the history, Act As, the yearly report
and an active design's offerings with the dialogs they open: every
control has a name for screen readers.

Runs under tests/run-with-display: starts Microcred on a throw-away
database with the demo institution (the account running it becomes its
administrator), opens each window from the main window's actions, walks
its accessibility tree, and fails listing each control whose accessible
name is empty or just its GTK type name.

usage: test-admin-accessible.py MICROCRED MCRED"""

import getpass
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time

# The audit of the main window: its config of dogtail and its walk.
_spec = importlib.util.spec_from_file_location(
    "accessible_names", os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                     "test-accessible-names.py"))
accessible_names = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accessible_names)
tree = accessible_names.tree
walk = accessible_names.walk
from dogtail_support import wait_for  # noqa: E402

# Each window, the action that opens it, the title it has, how many
# controls it has at least (so that an empty walk cannot pass), and the
# windows it opens in turn, the same way.
WINDOWS = [
    ("win.administration", "Administration", 20, []),
    ("win.history", "History", 3, []),
    ("win.act-as", "Act As", 5, []),
    ("win.yearly-report", "Yearly QA Report", 3, []),
    ("win.offerings", "Offerings", 5, [
        ("offerings.new", "New Offering", 6, []),
        ("offerings.issue", "Issue Credentials", 5, []),
    ]),
]


def frame(app, title):
    for child in app.children:
        if child.roleName == "frame" and child.name.startswith(title):
            return child
    return None


def check_window(app, opener, action, title, at_least, opens, failures):
    """Opens a window with @action of @opener, checks its controls and the
    windows it opens, and closes it."""
    opener.doActionNamed(action)
    window = wait_for(title, lambda: frame(app, title))
    seen, found = [], []
    end = time.monotonic() + 20
    while time.monotonic() < end:
        seen, found = [], []
        walk(window, found, seen)
        if len(seen) >= at_least:
            break
        time.sleep(0.2)
    print("# %s: %d controls checked" % (title, len(seen)))
    if len(seen) < at_least:
        failures.append("%s: only %d controls appeared" % (title, len(seen)))
    failures += ["%s: %s" % (title, line) for line in found]
    for child in opens:
        check_window(app, window, *child, failures)
    window.doActionNamed("window.close")
    wait_for("%s closed" % title, lambda: frame(app, title) is None)


def main():
    microcred, mcred = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "admin-a11y.db")
        subprocess.run([mcred, "--database", db, "demo"], check=True, stdout=subprocess.DEVNULL)
        # The account running the test is the administrator; as a registrar
        # too, it may issue.
        subprocess.run([mcred, "--database", db, "role", "grant", getpass.getuser(), "registrar"],
                       check=True, stdout=subprocess.DEVNULL)
        offerings = json.loads(subprocess.run([mcred, "--database", db, "offering", "list", "--json"],
                                              check=True, capture_output=True, text=True).stdout)
        ready = next(o for o in offerings if o["issued"] < o["passed"])
        designs = json.loads(subprocess.run([mcred, "--database", db, "design", "list", "--json"],
                                            check=True, capture_output=True, text=True).stdout)
        # The design open is the one with an offering ready to issue, so that
        # its history and its offerings can be shown.
        design = next(d for d in designs if d["id"] == ready["design_id"])
        subprocess.run(["gsettings", "set", "io.github.microcred.Microcred", "last-design",
                        design["uuid"]], check=True)

        app_process = subprocess.Popen([microcred, "--database", db])
        try:
            app = wait_for("Microcred on the accessibility bus",
                           lambda: tree.root.application("microcred"))
            main_window = wait_for("the main window", lambda: frame(app, "Microcred"))
            for window in WINDOWS:
                check_window(app, main_window, *window, failures)
        finally:
            app_process.terminate()
            app_process.wait(timeout=10)

    if failures:
        print("controls without an accessible name:")
        for line in failures:
            print("  " + line)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
