# SPDX-License-Identifier: GPL-3.0-or-later
"""What the end-to-end journeys share: a throw-away folder, numbered
screenshots, running mcred and the application, checking that every
control has a name, and ending cleanly whatever happened."""

import os
import shutil
import subprocess
import tempfile

from dogtail_support import close_last_window, find, text_of, tree, wait_for

CONTROLS = {"push button", "toggle button", "text", "entry", "check box", "combo box",
            "spin button", "radio button", "switch"}


def assert_named(root, where):
    """Every control under root has a name for screen readers (GtkDropDown's
    own toggle excepted: the combo box around it carries the name)."""
    unnamed = [n for n in root.findChildren(lambda n: n.roleName in CONTROLS)
               if (not n.name or n.name.startswith(("Gtk", "Adw")))
               and not (n.parent is not None and n.parent.roleName == "combo box")]
    assert not unnamed, "controls without a name in %s: %r" % (
        where, [(n.roleName, n.name, n.parent.roleName) for n in unnamed])


class Journey:
    """One journey: `name` prefixes its folder and its screenshots, which
    go to $SCREENSHOT_DIR (the build directory's, when meson runs it) or
    into the throw-away folder.  Subclasses set self.db and define run()."""

    name = "journey"
    title = "journey"

    def __init__(self, microcred, mcred):
        self.microcred = microcred
        self.mcred = mcred
        self.tmp = tempfile.mkdtemp(prefix="mc-%s-" % self.name)
        self.db = os.path.join(self.tmp, "journey.db")
        self.shots = os.environ.get("SCREENSHOT_DIR") or os.path.join(self.tmp, "shots")
        os.makedirs(self.shots, exist_ok=True)
        for old in os.listdir(self.shots):  # a previous run's pictures
            if old.startswith(self.name + "-") and old.endswith(".png"):
                os.remove(os.path.join(self.shots, old))
        self.n_shot = 0
        self.proc = None
        self.app = None
        self.frame = None

    def shot(self, what):
        self.n_shot += 1
        path = os.path.join(self.shots, "%s-%02d-%s.png" % (self.name, self.n_shot, what))
        subprocess.run(["import", "-window", "root", path], check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print("# screenshot", path)

    def mcred_run(self, *args, stdin=None):
        done = subprocess.run([self.mcred, "--database", self.db] + list(args),
                              capture_output=True, text=True, input=stdin)
        assert done.returncode == 0, "mcred %s: exit %d: %s" % (
            " ".join(args), done.returncode, done.stderr)
        return done.stdout

    def launch(self, *args, env=None):
        """Starts the application on the journey's database and waits for
        its main window."""
        self.proc = subprocess.Popen([self.microcred, "--database", self.db] + list(args), env=env)
        self.app = wait_for("the application",
                            lambda: tree.root.application("microcred", retry=False))
        self.frame = wait_for("the window", lambda: find(
            self.app, lambda n: n.roleName == "frame" and n.name == "Microcred"))

    # Finding and using what is on screen

    def window(self, title, prefix=False):
        return wait_for("the window “%s”" % title, lambda: find(
            self.app, lambda n: n.roleName in ("frame", "dialog")
            and (n.name.startswith(title) if prefix else n.name == title)))

    def button(self, root, label):
        """A push button by its label; mnemonic buttons are named "_Issue Issue"."""
        try:
            return wait_for("the button “%s”" % label, lambda: find(
                root, lambda n: n.roleName == "push button"
                and (n.name == label or n.name.split(" ")[-1] == label or n.name.endswith(" " + label))))
        except AssertionError:
            print("# buttons:", [n.name for n in root.findChildren(lambda n: n.roleName == "push button")])
            raise

    def press(self, root, label):
        button = self.button(root, label)
        wait_for("“%s” sensitive" % label, lambda: button.sensitive)
        button.doActionNamed("click")

    def text(self, root, name):
        """A text field by its name; an entry row adds its title to it."""
        return wait_for("the text “%s”" % name, lambda: find(
            root, lambda n: n.roleName in ("text", "password text")
            and (n.name == name or n.name.startswith(name + " "))))

    def type_into(self, root, name, value):
        node = self.text(root, name)
        node.text = value
        wait_for("“%s” typed" % value, lambda: text_of(node) == value)

    def label(self, root, description):
        """The text of the label described as @description, or None (an
        empty label is named after its type)."""
        node = find(root, lambda n: n.roleName == "label" and n.description == description)
        return node.name if node is not None and not node.name.startswith("Gtk") else None

    def stop(self):
        """Closes the last window: the application ends, successfully."""
        close_last_window(self.frame)
        self.proc.wait(timeout=15)
        assert self.proc.returncode == 0, self.proc.returncode
        self.proc = None

    def close(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if os.environ.get("MC_KEEP_JOURNEY"):
            print("# kept", self.tmp)
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def run(self):
        raise NotImplementedError

    def main(self):
        """Runs the journey; a failure leaves a last screenshot."""
        try:
            self.run()
        except BaseException:
            self.shot("failure")
            raise
        finally:
            self.close()
        print("%s passed" % self.title)
