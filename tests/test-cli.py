#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""End-to-end tests of the mcred command line on temporary databases.

Usage: test-cli.py /path/to/mcred
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

MCRED = None
PROFILES = ["--profile", "eu-council", "--profile", "consistency"]
# Dates in the demo (agreement expiries) are checked against a fixed day.
VALIDATE_CONTEXT = ["--institution", "Corrib Technological University",
                    "--country", "IE", "--today", "2025-03-01"]
LIST_FIELDS = {"id", "uuid", "title", "unit", "type", "state", "ects",
               "eqf_level", "modified"}
FINDING_FIELDS = {"rule", "profile", "severity", "field", "item_index",
                  "item_field", "message"}


class Result:
    def __init__(self, proc):
        self.status = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr.decode("utf-8", "replace")

    @property
    def text(self):
        return self.out.decode("utf-8")

    def __repr__(self):
        return "exit %d\nstdout: %r\nstderr: %r" % (self.status, self.out[:2000],
                                                    self.err[:2000])


class CliTestCase(unittest.TestCase):
    """Runs mcred in its own XDG folders so no real database is touched."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="mcred-test-")
        self.tmp = self._tmp.name
        self.env = dict(os.environ)
        self.env.update({
            "XDG_DATA_HOME": os.path.join(self.tmp, "xdg-data"),
            "XDG_CONFIG_HOME": os.path.join(self.tmp, "xdg-config"),
            "LC_ALL": "C.UTF-8",
            "SOURCE_DATE_EPOCH": "1700000000",
        })

    def tearDown(self):
        self._tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp, name)

    def mcred(self, *args, db=None, stdin=None):
        argv = [MCRED]
        if db is not None:
            argv += ["--database", db]
        argv += list(args)
        proc = subprocess.run(argv, input=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=self.env, timeout=120,
                              cwd=self.tmp)
        return Result(proc)

    def ok(self, *args, db=None, stdin=None):
        r = self.mcred(*args, db=db, stdin=stdin)
        self.assertEqual(r.status, 0, "mcred %s: %r" % (" ".join(args), r))
        return r

    def fails(self, status, *args, db=None, stdin=None):
        r = self.mcred(*args, db=db, stdin=stdin)
        self.assertEqual(r.status, status, "mcred %s: %r" % (" ".join(args), r))
        self.assertTrue(r.err.startswith("mcred: "), r)
        return r

    def demo_db(self, name="demo.db"):
        db = self.path(name)
        self.ok("init", db=db)
        self.ok("demo", db=db)
        return db

    def designs(self, db, *filters):
        return json.loads(self.ok("design", "list", "--json", *filters, db=db).text)

    def find(self, db, predicate):
        for design in self.designs(db):
            if predicate(design):
                return design
        self.fail("no demo design matches")

    def owner(self, db, ref):
        """The user name of a design's author, from its exchange file."""
        doc = json.loads(self.ok("design", "export", str(ref), db=db).out)
        return doc["design"]["owner"]["username"]


class TopLevel(CliTestCase):
    def test_version(self):
        r = self.ok("--version")
        self.assertRegex(r.text, r"^mcred \d+\.\d+")

    def test_help_lists_commands(self):
        r = self.ok("--help")
        for command in ("init", "demo", "design", "profile", "--database"):
            self.assertIn(command, r.text)
        r = self.ok("design", "--help")
        for command in ("list", "show", "import", "export", "validate"):
            self.assertIn(command, r.text)

    def test_usage_errors(self):
        for args in ([], ["frobnicate"], ["design"], ["design", "frobnicate"],
                     ["design", "list", "--bogus"], ["design", "show"],
                     ["design", "list", "extra"], ["--database"]):
            r = self.fails(2, *args)
            self.assertIn("--help", r.err, args)

    def test_profile_list(self):
        r = self.ok("profile", "list")
        for profile in ("eu-council", "consistency", "cmf", "uk-qaa", "microhe"):
            self.assertIn(profile, r.text)


class InitAndDemo(CliTestCase):
    def test_init_creates_file(self):
        db = self.path("sub/dir/new.db")
        r = self.ok("init", db=db)
        self.assertTrue(os.path.isfile(db))
        self.assertIn(db, r.text)
        # Again: the database is opened, not replaced.
        r = self.ok("init", db=db)
        self.assertIn(db, r.text)
        self.assertEqual(self.designs(db), [])

    def test_default_database(self):
        r = self.ok("init")
        default = os.path.join(self.env["XDG_DATA_HOME"], "microcred", "microcred.db")
        self.assertTrue(os.path.isfile(default), r)
        self.assertIn(default, r.text)

    def test_demo_fills_database(self):
        db = self.demo_db()
        human = self.ok("design", "list", db=db).text.splitlines()
        designs = self.designs(db)
        self.assertTrue(8 <= len(designs) <= 15, len(designs))
        self.assertEqual(len(human), len(designs) + 1)   # one header line
        for design in designs:
            self.assertTrue(any(design["title"] in line for line in human), design)

    def test_demo_refused_twice(self):
        db = self.demo_db()
        before = self.designs(db)
        self.fails(2, "demo", db=db)
        self.assertEqual(self.designs(db), before)

    def test_database_option_anywhere(self):
        db = self.path("anywhere.db")
        self.ok("init", "--database", db)
        self.assertTrue(os.path.isfile(db))
        self.ok("demo", "--database", db)
        expected = self.ok("design", "list", db=db).out
        self.assertEqual(self.ok("design", "list", "--database", db).out, expected)
        self.assertEqual(self.ok("design", "--database", db, "list").out, expected)
        # The last one given wins.
        self.assertEqual(self.ok("--database", self.path("nope.db"), "design", "list",
                                 "--database", db).out, expected)


class ListAndShow(CliTestCase):
    def setUp(self):
        super().setUp()
        self.db = self.demo_db()

    def test_list_json_fields(self):
        designs = self.designs(self.db)
        self.assertGreater(len(designs), 0)
        for design in designs:
            self.assertTrue(LIST_FIELDS <= set(design), design)
            self.assertIsInstance(design["id"], int)
            self.assertRegex(design["uuid"], r"^[0-9a-f-]{36}$")
            self.assertRegex(design["modified"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")
            self.assertIn(design["unit"], ("COMP", "HLTH", "BUS"))

    def test_human_columns_aligned(self):
        lines = self.ok("design", "list", db=self.db).text.splitlines()
        header = lines[0]
        title_column = header.index("Title")
        for line, design in zip(lines[1:], self.designs(self.db)):
            self.assertEqual(line[title_column:], design["title"])
            self.assertIn(design["uuid"][:8], line)

    def test_filters(self):
        designs = self.designs(self.db)
        for option, key in (("--state", "state"), ("--type", "type"), ("--unit", "unit")):
            for value in sorted({d[key] for d in designs}):
                got = self.designs(self.db, option, value)
                want = [d["id"] for d in designs if d[key] == value]
                self.assertEqual(sorted(d["id"] for d in got), sorted(want), (option, value))
        title = designs[0]["title"]
        word = max(title.split(), key=len)
        got = self.designs(self.db, "--search", word)
        self.assertIn(designs[0]["id"], [d["id"] for d in got])
        self.assertLess(len(got), len(designs))
        self.assertEqual(self.designs(self.db, "--search", "zzqqxx-no-such-thing"), [])
        self.assertEqual(self.ok("design", "list", "--search", "zzqqxx", db=self.db).out.strip(),
                         b"No designs.")

    def test_bad_filters(self):
        r = self.fails(2, "design", "list", "--state", "bogus", db=self.db)
        self.assertIn("--state", r.err)
        self.assertIn("draft", r.err)
        self.fails(2, "design", "list", "--type", "bogus", db=self.db)
        r = self.fails(2, "design", "list", "--unit", "NOPE", db=self.db)
        self.assertIn("NOPE", r.err)

    def test_show_by_id_and_uuid(self):
        design = self.find(self.db, lambda d: d["state"] == "active")
        by_id = self.ok("design", "show", str(design["id"]), db=self.db)
        by_uuid = self.ok("design", "show", design["uuid"], db=self.db)
        self.assertEqual(by_id.out, by_uuid.out)
        text = by_id.text
        self.assertTrue(text.startswith(design["title"] + "\n"))
        self.assertIn(design["uuid"], text)
        # Every section and its fields: many labelled lines.
        for section in ("Overview", "Learning outcomes", "Assessment", "Partners"):
            self.assertRegex(text, r"(?m)^" + re.escape(section) + "$")
        self.assertGreater(len(text.splitlines()), 40)

    def test_show_json_is_exchange_file(self):
        design = self.find(self.db, lambda d: d["state"] == "approved")
        shown = self.ok("design", "show", "--json", design["uuid"], db=self.db).out
        exported = self.ok("design", "export", str(design["id"]), db=self.db).out
        self.assertEqual(shown, exported)
        doc = json.loads(shown)
        self.assertEqual(doc["format"], "io.github.microcred.design")

    def test_show_unknown(self):
        for ref in ("9999", "00000000-0000-4000-8000-000000000000", "nonsense"):
            r = self.fails(2, "design", "show", ref, db=self.db)
            self.assertIn(ref, r.err)


    def test_delete_only_drafts(self):
        before = self.designs(self.db)
        draft = self.find(self.db, lambda d: d["state"] == "draft")
        active = self.find(self.db, lambda d: d["state"] == "active")
        author = self.owner(self.db, draft["id"])

        # Only its author deletes a draft, through the workflow.
        r = self.fails(2, "design", "delete", draft["uuid"], db=self.db)
        self.assertIn("Only the author", r.err)
        self.assertEqual(self.designs(self.db), before)

        r = self.ok("--as", author, "design", "delete", draft["uuid"], db=self.db)
        self.assertIn(draft["title"], r.text)
        after = self.designs(self.db)
        self.assertEqual(len(after), len(before) - 1)
        self.assertNotIn(draft["uuid"], {d["uuid"] for d in after})

        # Past the draft stage a design is part of the quality record.
        r = self.fails(2, "--as", self.owner(self.db, active["id"]), "design", "delete",
                       str(active["id"]), db=self.db)
        self.assertIn("is Active", r.err)
        self.assertIn(active["title"], r.err)
        self.assertEqual(self.designs(self.db), after)
        self.fails(2, "--as", author, "design", "delete", draft["uuid"], db=self.db)


class ImportExport(CliTestCase):
    def setUp(self):
        super().setUp()
        self.db = self.demo_db()
        self.db2 = self.path("second.db")

    def export(self, db, ref):
        return self.ok("design", "export", str(ref), db=db).out

    def write(self, name, data):
        path = self.path(name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def test_round_trip_every_design(self):
        # A second database does not know the demo's people: the authors
        # come with the files, and every byte comes back the same.
        db3 = self.path("third.db")
        for design in self.designs(self.db):
            first = self.export(self.db, design["id"])
            self.assertIsInstance(json.loads(first)["design"]["owner"], dict)
            self.ok("design", "import", self.write("a-%d.json" % design["id"], first), db=self.db2)
            second = self.export(self.db2, design["uuid"])
            self.assertEqual(first, second, design["title"])

            self.ok("design", "import", self.write("b-%d.json" % design["id"], second), db=db3)
            self.assertEqual(self.export(db3, design["uuid"]), second, design["title"])
        self.assertEqual({d["uuid"] for d in self.designs(self.db2)},
                         {d["uuid"] for d in self.designs(self.db)})

    def test_export_to_file_and_stdin_import(self):
        design = self.designs(self.db)[0]
        path = self.path("out.json")
        self.ok("design", "export", design["uuid"], path, db=self.db)
        with open(path, "rb") as f:
            data = f.read()
        self.assertEqual(data, self.export(self.db, design["id"]))
        self.assertEqual(self.ok("design", "export", design["uuid"], "-", db=self.db).out, data)
        self.ok("design", "import", "-", db=self.db2, stdin=data)
        again = self.export(self.db2, design["uuid"])
        self.ok("design", "import", "-", db=self.path("third.db"), stdin=again)
        self.assertEqual(self.export(self.path("third.db"), design["uuid"]), again)

    def test_bad_files_change_nothing(self):
        good = self.export(self.db, self.designs(self.db)[0]["id"])
        self.ok("design", "import", self.write("good.json", good), db=self.db2)
        before = self.ok("design", "list", "--json", db=self.db2).out

        doc = json.loads(good)
        wrong_version = dict(doc, version=99)
        wrong_format = dict(doc, format="something.else")
        missing = {k: v for k, v in doc.items() if k != "design"}
        title = doc["design"]["revision"]["title"].encode("utf-8")
        bad = {
            "syntax.json": b'{"format": "io.github.microcred.design", "version": 1,',
            "empty.json": b"",
            "array.json": b"[1, 2, 3]",
            "version.json": json.dumps(wrong_version).encode(),
            "format.json": json.dumps(wrong_format).encode(),
            "missing.json": json.dumps(missing).encode(),
            "utf8.json": good.replace(title, b"Bad \xff\xfe title", 1),
            "nul.json": good.replace(title, b"Bad \x00 title", 1),
            "nested.json": b"[" * 100000 + b"]" * 100000,
            "huge.json": good[:-2] + b" " * (5 * 1024 * 1024) + good[-2:],
        }
        self.assertNotEqual(bad["utf8.json"], good)
        for name, data in bad.items():
            path = self.write(name, data)
            r = self.fails(2, "design", "import", path, db=self.db2)
            self.assertIn(name, r.err)
            self.assertEqual(len(r.err.strip().splitlines()), 1, r.err)
            self.assertEqual(self.ok("design", "list", "--json", db=self.db2).out, before, name)

        r = self.fails(2, "design", "import", self.path("absent.json"), db=self.db2)
        self.assertIn("absent.json", r.err)
        # A bad file does not create a missing database either.
        fresh = self.path("fresh.db")
        self.fails(2, "design", "import", self.path("syntax.json"), db=fresh)
        self.assertFalse(os.path.exists(fresh))

    def test_hostile_strings_survive(self):
        doc = json.loads(self.export(self.db, self.designs(self.db)[0]["id"]))
        doc["design"]["uuid"] = "6f1c2d4e-1111-4222-8333-944455556666"
        hostile = "Robert'); DROP TABLE design; -- \"quoted\" \u00e9\u4e2d"
        doc["design"]["revision"]["title"] = hostile
        path = self.write("hostile.json", json.dumps(doc).encode())
        self.ok("design", "import", path, db=self.db2)
        self.assertEqual([d["title"] for d in self.designs(self.db2)], [hostile])
        self.assertIn(hostile, self.ok("design", "show", doc["design"]["uuid"], db=self.db2).text)

    def test_duplicate_refused_replace_accepted(self):
        # Only a draft can be replaced by an import.
        design = self.find(self.db, lambda d: d["state"] == "draft")
        doc = json.loads(self.export(self.db, design["id"]))
        path = self.write("dup.json", json.dumps(doc).encode())
        self.ok("design", "import", path, db=self.db2)
        r = self.fails(2, "design", "import", path, db=self.db2)
        self.assertIn("--replace", r.err)
        self.assertEqual(len(self.designs(self.db2)), 1)

        doc["design"]["revision"]["title"] = "Replaced title"
        path = self.write("dup2.json", json.dumps(doc).encode())
        self.ok("design", "import", "--replace", path, db=self.db2)
        after = self.designs(self.db2)
        self.assertEqual([(d["uuid"], d["title"]) for d in after],
                         [(design["uuid"], "Replaced title")])

    def test_replace_only_drafts(self):
        # A design past the draft stage belongs to the quality record: an
        # import may not overwrite it.
        design = self.find(self.db, lambda d: d["state"] == "active")
        doc = json.loads(self.export(self.db, design["id"]))
        doc["design"]["revision"]["title"] = "Replaced title"
        path = self.write("active.json", json.dumps(doc).encode())
        r = self.fails(2, "design", "import", "--replace", path, db=self.db)
        self.assertIn("only a draft can be replaced", r.err)
        self.assertEqual(self.find(self.db, lambda d: d["id"] == design["id"])["title"],
                         design["title"])


class Validate(CliTestCase):
    def setUp(self):
        super().setUp()
        self.db = self.demo_db()

    def validate(self, ref, *extra):
        return self.mcred("design", "validate", str(ref), *PROFILES, *VALIDATE_CONTEXT,
                          *extra, db=self.db)

    def test_complete_design_is_valid(self):
        valid = [d for d in self.designs(self.db) if self.validate(d["id"]).status == 0]
        self.assertTrue(valid, "no demo design is valid")
        active = [d["id"] for d in self.designs(self.db, "--state", "active")]
        self.assertTrue(active)
        self.assertLessEqual(set(active), {d["id"] for d in valid})
        r = self.validate(valid[0]["id"])
        self.assertIn("0 errors", r.text)
        findings = json.loads(self.validate(valid[0]["uuid"], "--json").text)
        self.assertFalse([f for f in findings if f["severity"] == "error"])

    def test_incomplete_draft_is_invalid(self):
        drafts = self.designs(self.db, "--state", "draft")
        self.assertTrue(drafts)
        r = self.validate(drafts[0]["id"])
        self.assertEqual(r.status, 1, r)
        self.assertIn("not valid", r.text)
        r = self.validate(drafts[0]["id"], "--json")
        self.assertEqual(r.status, 1, r)
        findings = json.loads(r.text)
        self.assertTrue([f for f in findings if f["severity"] == "error"])
        for finding in findings:
            self.assertEqual(set(finding), FINDING_FIELDS)
            self.assertIn(finding["profile"], ("eu-council", "consistency"))
            self.assertTrue(finding["message"])

    def test_validate_file(self):
        for design in self.designs(self.db):
            path = self.path("v-%d.json" % design["id"])
            self.ok("design", "export", str(design["id"]), path, db=self.db)
            from_db = self.validate(design["id"], "--json")
            from_file = self.mcred("design", "validate", path, *PROFILES, *VALIDATE_CONTEXT,
                                   "--json", db=self.path("absent.db"))
            self.assertEqual((from_file.status, from_file.out), (from_db.status, from_db.out))
        self.assertFalse(os.path.exists(self.path("absent.db")))

    def test_institution_from_preferences(self):
        # Without --institution/--country the window's preferences count.
        source = os.environ.get("MC_SOURCE_ROOT",
                                os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        schemas = self.path("schemas")
        os.mkdir(schemas)
        shutil.copy(os.path.join(source, "data", "io.github.microcred.Microcred.gschema.xml"),
                    schemas)
        subprocess.run(["glib-compile-schemas", "--strict", schemas], check=True)
        keyfile = os.path.join(self.env["XDG_CONFIG_HOME"], "glib-2.0", "settings", "keyfile")
        os.makedirs(os.path.dirname(keyfile))
        self.env.update({"GSETTINGS_SCHEMA_DIR": schemas, "GSETTINGS_BACKEND": "keyfile"})
        design = self.designs(self.db, "--state", "active")[0]
        args = ("design", "validate", str(design["id"]), *PROFILES, "--today", "2025-03-01")

        with open(keyfile, "w") as f:
            f.write("[io/github/microcred/Microcred]\ninstitution-name=''\n")
        self.assertEqual(self.mcred(*args, db=self.db).status, 1)
        with open(keyfile, "w") as f:
            f.write("[io/github/microcred/Microcred]\n"
                    "institution-name='Corrib Technological University'\n"
                    "institution-country='IE'\n")
        self.ok(*args, db=self.db)

    def test_validate_failures(self):
        design = self.designs(self.db)[0]
        r = self.fails(2, "design", "validate", str(design["id"]), "--profile", "no-such",
                       db=self.db)
        self.assertIn("no-such", r.err)
        self.assertIn("eu-council", r.err)   # the known ones are named
        r = self.fails(2, "design", "validate", str(design["id"]), db=self.db)
        self.assertIn("--profile", r.err)
        self.fails(2, "design", "validate", str(design["id"]), *PROFILES, "--today", "soon",
                   db=self.db)
        self.fails(2, "design", "validate", "9999", *PROFILES, db=self.db)
        self.fails(2, "design", "validate", self.path("absent.json"), *PROFILES, db=self.db)


class BrokenDatabases(CliTestCase):
    COMMANDS = (["design", "list"], ["design", "list", "--json"], ["design", "show", "1"],
                ["design", "export", "1"], ["design", "validate", "1", "--profile", "eu-council"])

    def test_missing_database_not_created(self):
        db = self.path("missing.db")
        for command in self.COMMANDS:
            r = self.fails(2, *command, db=db)
            self.assertIn(db, r.err)
            self.assertEqual(sorted(os.listdir(self.tmp)), [], command)

    def test_corrupt_database_untouched(self):
        contents = {
            "text.db": b"This is not a database at all.\n" * 200,
            "header.db": b"SQLite format 3\x00" + bytes(range(256)) * 16,
            "zeros.db": b"\x00" * 8192,
        }
        for name, data in contents.items():
            db = self.path(name)
            with open(db, "wb") as f:
                f.write(data)
            for command in self.COMMANDS + (["init"], ["demo"]):
                r = self.fails(2, *command, db=db)
                self.assertIn(db, r.err)
                with open(db, "rb") as f:
                    self.assertEqual(f.read(), data, (name, command))
            leftovers = [f for f in os.listdir(self.tmp) if f.startswith(name) and f != name]
            self.assertEqual(leftovers, [], name)


def main():
    global MCRED
    if len(sys.argv) < 2:
        print("usage: test-cli.py /path/to/mcred", file=sys.stderr)
        return 2
    MCRED = os.path.abspath(sys.argv[1])
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors)
    passed = result.testsRun - failed - len(result.skipped)
    print("test-cli: %d passed, %d failed" % (passed, failed))
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
