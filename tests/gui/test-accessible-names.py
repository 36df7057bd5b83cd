#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control a person can operate has a name for screen readers.

Runs under tests/run-with-display: starts Microcred on a throw-away
database with the demo institution and a design open, walks the whole
accessibility tree, and fails listing each button, entry, switch, check
box, spin button or combo box whose accessible name is empty or just its
GTK type name (what GTK 4 reports for an unlabelled widget).

usage: test-accessible-names.py MICROCRED MCRED"""

import json
import os
import subprocess
import sys
import tempfile
import time

from dogtail_support import tree  # noqa: F401 (also used by test-admin-accessible.py)

CONTROLS = {"push button", "toggle button", "text", "entry", "check box", "combo box",
            "spin button", "radio button", "switch", "slider", "password text"}


def unnamed(name):
    return not name or name.startswith(("Gtk", "Adw"))


def gtk_internal(node):
    """GtkDropDown's own toggle: the combo box around it carries the name."""
    parent = node.parent
    return (parent is not None and parent.roleName == "combo box" and not unnamed(parent.name)
            and node.roleName in ("push button", "toggle button"))


def walk(node, found, seen):
    try:
        children = node.children
    except Exception:
        return
    for child in children:
        try:
            role, name = child.roleName, child.name
        except Exception:
            continue
        if role in CONTROLS:
            seen.append(child)
            if unnamed(name) and not gtk_internal(child):
                parent = child.parent
                found.append("%s %r inside %s %r" % (role, name, parent.roleName, parent.name))
        walk(child, found, seen)


def main():
    microcred, mcred = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "a11y.db")
        subprocess.run([mcred, "--database", db, "demo"], check=True, stdout=subprocess.DEVNULL)
        designs = json.loads(subprocess.run([mcred, "--database", db, "design", "list", "--json"],
                                            check=True, capture_output=True, text=True).stdout)
        richest = max(designs, key=lambda d: d["ects"] or 0)
        # Open a complete design, wide enough for the findings panel too.
        for key, value in (("last-design", richest["uuid"]), ("window-width", "1280")):
            subprocess.run(["gsettings", "set", "io.github.microcred.Microcred", key, value], check=True)

        app_process = subprocess.Popen([microcred, "--database", db])
        try:
            app = None
            end = time.monotonic() + 20
            while app is None and time.monotonic() < end:
                try:
                    app = tree.root.application("microcred")
                except Exception:
                    time.sleep(0.1)
            assert app is not None, "Microcred did not appear on the accessibility bus"
            # The editor fills in once the window is shown.
            end = time.monotonic() + 20
            while time.monotonic() < end:
                seen, found = [], []
                walk(app, found, seen)
                if len(seen) > 100:
                    break
                time.sleep(0.2)
            print("%d controls checked" % len(seen))
            assert len(seen) > 100, "the editor's controls never appeared (%d)" % len(seen)
            if found:
                print("controls without an accessible name:")
                for line in found:
                    print("  " + line)
                return 1
            return 0
        finally:
            app_process.terminate()
            app_process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
