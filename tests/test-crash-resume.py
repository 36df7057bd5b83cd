#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kills `mcred issue` with SIGKILL at random moments, several times, then
lets it finish, and checks that the register and the export folder agree:
exactly one active credential per learner who passed, each with its PDF
and its JWT (whose jti is the credential's id), no temporary files left,
a manifest that lists each credential once, and an intact history.

Usage: test-crash-resume.py /path/to/mcred
The random seed is printed; MC_CRASH_SEED=N repeats a run.
"""

import csv
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
import base64
import contextlib
import sqlite3

N_LEARNERS = 200
N_FAILED = 8              # every 25th learner fails
N_KILLS = 6
REGISTRAR = "ciaran.doyle"
DEADLINE = 40             # seconds for the kills; the test must stay under 60


def main():
    mcred = os.path.abspath(sys.argv[1])
    seed = int(os.environ.get("MC_CRASH_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    print(f"seed {seed}")
    tmp = tempfile.TemporaryDirectory(prefix="mc-crash-")
    db = os.path.join(tmp.name, "inst.db")
    export = os.path.join(tmp.name, "export")
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp.name, "xdg"), LC_ALL="C.UTF-8")
    failures = []

    def run(*args, check=True):
        proc = subprocess.run([mcred, "--database", db, *args], capture_output=True, text=True, env=env,
                              timeout=120)
        if check and proc.returncode != 0:
            raise SystemExit(f"mcred {' '.join(args)} failed: {proc.stderr}")
        return proc

    def expect(condition, message):
        if not condition:
            failures.append(message)

    passfile = os.path.join(tmp.name, "pass")
    with open(passfile, "w", encoding="utf-8") as f:
        f.write("crash test passphrase\n")
    run("init")
    run("demo")
    run("institution", "--verification-url", "https://credentials.corribtu.example")
    run("key", "generate", "--passphrase-file", passfile)
    design = [d for d in json.loads(run("design", "list", "--json").stdout)
              if d["title"] == "Applied Data Analytics with Python"][0]
    out = run("--as", REGISTRAR, "offering", "create", "--design", str(design["id"]), "--code", "CRASH",
              "--starts", "2026-01-05", "--ends", "2026-05-29").stdout
    offering = out.split()[2]
    results = os.path.join(tmp.name, "results.csv")
    with open(results, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["Student ID", "Given name", "Family name", "Grade", "Completion date"])
        for i in range(N_LEARNERS):
            writer.writerow([f"K{i:04d}", f"Learner{i}", "Ó Súilleabháin", "20" if i % 25 == 24 else "75",
                             "2026-05-29"])
    run("--as", REGISTRAR, "results", "import", results, "--offering", offering)
    issue = [mcred, "--database", db, "--as", REGISTRAR, "issue", "--offering", offering, "--jobs", "2",
             "--export", export, "--passphrase-file", passfile]

    def n_issued():
        return len(json.loads(run("credential", "list", "--offering", offering, "--state", "active",
                                  "--json").stdout))

    passed = N_LEARNERS - N_FAILED
    start = time.monotonic()
    kills = 0
    interrupted = []      # credentials issued when a kill left some pending

    def count_active():
        # Read-only, beside the running batch (the database is in WAL mode).
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return conn.execute("SELECT count(*) FROM credentials WHERE offering_id = ? AND state = 'active'",
                                (int(offering),)).fetchone()[0]

    # Each kill comes once a random number of credentials is issued, plus
    # a random moment: before the first page, between pages, and after the
    # last one (before the batch is marked done) all get their turn.  The
    # first kill always leaves some pending, so a resume is tested whatever
    # the machine's speed.
    while kills < N_KILLS and time.monotonic() - start < DEADLINE:
        issued = count_active()
        target = rng.randrange(0, passed - 64) if kills == 0 else rng.randrange(issued, passed + 1)
        proc = subprocess.Popen(issue, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        while proc.poll() is None and count_active() < target and time.monotonic() - start < DEADLINE:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.1))
        if proc.poll() is not None:
            break      # it finished before the kill
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills += 1
        issued = count_active()
        if issued < passed:
            interrupted.append(issued)
    print(f"killed {kills} times; issued when a kill stopped a batch: {interrupted}")
    # A kill must have stopped a batch half-way, or this proves nothing.
    expect(interrupted, "no kill interrupted the batch")
    final = run("--as", REGISTRAR, "issue", "--offering", offering, "--export", export,
                "--passphrase-file", passfile, check=False)
    expect(final.returncode == 0 or "nothing to issue" in final.stderr, f"the last run failed: {final.stderr}")

    listed = json.loads(run("credential", "list", "--offering", offering, "--json").stdout)
    expect(len(listed) == passed, f"{len(listed)} credentials for {passed} learners who passed")
    expect(len({c["student_id"] for c in listed}) == len(listed), "a learner has two credentials")
    expect(all(c["state"] == "active" for c in listed), "a credential is not active")
    names = set(os.listdir(export))
    expect(not [n for n in names if n.endswith(".tmp")], "temporary files are left")
    for credential in listed:
        stem = f"{credential['student_id']}-{credential['uuid']}"
        expect(stem + ".pdf" in names, f"{stem}.pdf is missing")
        if stem + ".jwt" not in names:
            failures.append(f"{stem}.jwt is missing")
            continue
        with open(os.path.join(export, stem + ".jwt"), encoding="ascii") as f:
            part = f.read().split(".")[1]
        payload = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
        expect(payload["jti"] == "urn:uuid:" + credential["uuid"], f"{stem}.jwt holds {payload['jti']}")
    with open(os.path.join(export, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    in_manifest = [c["uuid"] for c in manifest["credentials"]]
    expect(sorted(in_manifest) == sorted(c["uuid"] for c in listed),
           "the manifest does not list each credential exactly once")
    audit = run("audit", "verify", check=False)
    expect(audit.returncode == 0, f"the history is not intact: {audit.stdout}{audit.stderr}")

    for failure in failures[:20]:
        print("FAILED:", failure)
    print(f"test-crash-resume: {'ok' if not failures else 'FAILED'} (seed {seed}, {kills} kills, "
          f"{time.monotonic() - start:.1f} s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
