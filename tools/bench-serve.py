#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark (not a test) of the publishing service: `tools/dev bench serve`.

Builds a throw-away demo institution, issues --learners more credentials
(and revokes one in fifty), starts `mcred serve` on 127.0.0.1 and runs
wrk (1 thread, 50 connections, --latency) against a status list, one
verification page, and verification pages of random credentials (a Lua
script).  Prints requests per second, latency percentiles and the
service's resident memory before and after.  --minutes 5 runs each load
that long: the memory-growth check.

Usage: bench-serve.py MCRED [--learners N] [--seconds S | --minutes M] [--repeat N]
       [--load status|page|random]
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

REGISTRAR = "ciaran.doyle"
PASSPHRASE = "microcred-demo"


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


class Institution:
    def __init__(self, mcred, tmp):
        self.mcred_path = mcred
        self.tmp = tmp
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, "data"),
                        XDG_CONFIG_HOME=os.path.join(tmp, "config"), LC_ALL="C.UTF-8")
        self.passfile = os.path.join(tmp, "passphrase")
        with open(self.passfile, "w") as f:
            f.write(PASSPHRASE + "\n")

    def mcred(self, *args):
        return subprocess.run([self.mcred_path] + list(args), env=self.env, cwd=self.tmp, check=True,
                              stdout=subprocess.PIPE).stdout.decode()

    def build(self, learners):
        start = time.monotonic()
        self.mcred("demo")
        offerings = json.loads(self.mcred("offering", "list", "--json"))
        design = [o for o in offerings if o["issued"] > 0][0]["design_id"]
        out = self.mcred("--as", REGISTRAR, "offering", "create", "--design", str(design), "--code", "BENCH",
                         "--starts", "2026-01-12", "--ends", "2026-05-29")
        offering = re.search(r"(\d+)", out).group(1)
        csv = os.path.join(self.tmp, "results.csv")
        with open(csv, "w") as f:
            f.write("Student ID,Given name,Family name,Grade,Completion date\n")
            for i in range(learners):
                f.write("B%06d,Learner,Number %d,B,2026-05-29\n" % (i, i))
        self.mcred("--as", REGISTRAR, "results", "import", "--offering", offering, csv)
        self.mcred("--as", REGISTRAR, "issue", "--offering", offering, "--passphrase-file", self.passfile,
                   "--export", os.path.join(self.tmp, "pdf"))
        credentials = json.loads(self.mcred("credential", "list", "--json"))
        for credential in credentials[::50]:
            if credential["state"] == "active":
                self.mcred("--as", REGISTRAR, "revoke", str(credential["id"]), "--reason", "Benchmark")
        print("built an institution with %d credentials in %.0f s" % (len(credentials), time.monotonic() - start))
        return [c["uuid"] for c in credentials]


def run_wrk(url, seconds, script=None, pid=None):
    """wrk's figures; with @pid, the service's RSS every 30 s meanwhile."""
    # One load thread: with two, wrk takes both cores of a two-core machine
    # from the service it measures.
    args = ["wrk", "-t1", "-c50", "-d%ds" % seconds, "--latency"]
    if script:
        args += ["-s", script]
    wrk = subprocess.Popen(args + [url], stdout=subprocess.PIPE)
    samples = []
    while pid is not None:
        try:
            wrk.wait(timeout=30)
            break
        except subprocess.TimeoutExpired:
            samples.append("%.1f" % (rss_kib(pid) / 1024))
    out = wrk.communicate()[0].decode()
    if wrk.returncode != 0:
        raise SystemExit("bench-serve: wrk failed")
    if samples:
        print("  service RSS every 30 s (MiB): " + " ".join(samples))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
    latency["max"] = re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", out)
    return rate, latency, errors.group(0) if errors else "none"


def main():
    parser = argparse.ArgumentParser(description="Load-test the publishing service with wrk")
    parser.add_argument("mcred")
    parser.add_argument("--learners", type=int, default=3000)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--minutes", type=int, default=0, help="run each load this long (memory check)")
    parser.add_argument("--repeat", type=int, default=1, help="run each load this many times")
    parser.add_argument("--load", action="append", choices=["status", "page", "random"],
                        help="run only this load (repeatable; all three by default)")
    options = parser.parse_args()
    options.mcred = os.path.abspath(options.mcred)
    seconds = options.minutes * 60 or options.seconds
    if shutil.which("wrk") is None:
        raise SystemExit("bench-serve: wrk is not installed (tools/setup installs it)")

    tmp = tempfile.mkdtemp(prefix="mcred-bench-serve-")
    try:
        institution = Institution(options.mcred, tmp)
        uuids = institution.build(options.learners)
        script = os.path.join(tmp, "pages.lua")
        with open(script, "w") as f:
            f.write("local uuids = {%s}\n" % ",".join('"%s"' % u for u in uuids))
            f.write("math.randomseed(os.time())\n"
                    "request = function()\n"
                    "  return wrk.format(\"GET\", \"/credentials/\" .. uuids[math.random(#uuids)])\n"
                    "end\n")
        server = subprocess.Popen([options.mcred, "serve", "--port", "0", "--passphrase-file", institution.passfile],
                                  env=institution.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        base = re.search(r"http://\S+", server.stdout.readline().decode()).group(0).rstrip("/")
        try:
            # Once, so that the lists are signed and the connections open.
            subprocess.run(["wrk", "-t1", "-c2", "-d1s", base + "/status/revocation/0"], check=True,
                           stdout=subprocess.DEVNULL)
            before = rss_kib(server.pid)
            print("service RSS before: %.1f MiB" % (before / 1024))
            loads = (("status", "status list", base + "/status/revocation/0", None),
                     ("page", "one verification page", base + "/credentials/" + uuids[1], None),
                     ("random", "random verification pages", base, script))
            for key, name, url, lua in loads:
                if options.load and key not in options.load:
                    continue
                for _ in range(options.repeat):
                    rate, latency, errors = run_wrk(url, seconds, lua, server.pid if options.minutes else None)
                    print("%-26s %8.0f requests/s   p50 %-8s p90 %-8s p99 %-8s max %-8s errors: %s" %
                          (name, rate, latency.get("50"), latency.get("90"), latency.get("99"),
                           latency.get("max"), errors))
                    print("  service RSS after: %.1f MiB" % (rss_kib(server.pid) / 1024))
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
