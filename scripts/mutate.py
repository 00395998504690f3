#!/usr/bin/env python3
"""Mutation check: do the tests catch plausible bugs? (Not part of CI's default run.)

Plants each bug of scripts/mutants/*.json (one file per module, so parallel work on different
modules never conflicts), one at a time, in a private copy of the source tree
(build/mutate/tree, never the working tree), rebuilds incrementally, runs the tests named for
that bug and reports it killed (a test failed) or survived (every test passed: a bug that would
ship). Add a mutant whenever a bug is fixed.

    scripts/mutate.py                 # every mutant (nice -n 10, -j2)
    scripts/mutate.py --only ID,ID    # some of them
    scripts/mutate.py --list          # list them and check each snippet still matches

Each mutant: {"id", "file", "original", "mutant", "tests", "why"}; "original" must occur exactly
once in the file. "tests" are ctest names, optionally "name:function1,function2" to run only
those Qt Test functions. Exit status 0 when every mutant was killed.
Python 3 standard library only.
"""

import argparse
import glob
import json
import os
import shutil
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COPY = os.path.join(ROOT, "build", "mutate", "tree")
# The copy's build folder sits at the same depth below its tree as build/dev below the
# worktree, so ccache (base_dir=/work) sees the same relative paths and reuses objects.
BUILD = os.path.join(COPY, "build", "dev")
TEST_TIMEOUT_S = 600


def log(text):
    print(text, flush=True)


def tracked_files():
    # Committed and new (not ignored) files: the tests being written count too.
    out = subprocess.run(["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         check=True, capture_output=True).stdout
    return [f for f in out.decode().split("\0") if f and not f.startswith("build/")]


def sync_copy():
    """Makes the copy equal to the working tree, touching only files that differ (incremental)."""
    files = tracked_files()
    wanted = set(files)
    for rel in files:
        src = os.path.join(ROOT, rel)
        dst = os.path.join(COPY, rel)
        if not os.path.isfile(src):
            continue
        with open(src, "rb") as f:
            data = f.read()
        if os.path.isfile(dst):
            with open(dst, "rb") as f:
                if f.read() == data:
                    continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        with open(dst, "wb") as f:
            f.write(data)
        shutil.copymode(src, dst)
    for folder, dirs, names in os.walk(COPY):
        rel_folder = os.path.relpath(folder, COPY)
        if rel_folder == "build" or rel_folder.startswith("build" + os.sep):
            dirs[:] = []
            continue
        dirs[:] = [d for d in dirs if not (rel_folder == "." and d == "build")]
        for name in names:
            rel = os.path.normpath(os.path.join(rel_folder, name))
            if rel not in wanted:
                os.remove(os.path.join(folder, name))


def parse_tests(specs):
    """["name", "name:f1,f2"] -> {name: [functions]} (empty list: the whole suite)."""
    tests = {}
    for spec in specs:
        name, _, functions = spec.partition(":")
        tests.setdefault(name, [])
        if functions:
            tests[name] += functions.split(",")
    return tests


def ctest_commands():
    """The command line and environment ctest would use for each test."""
    out = subprocess.run(["ctest", "--show-only=json-v1"], cwd=BUILD, check=True, capture_output=True).stdout
    commands = {}
    for test in json.loads(out)["tests"]:
        if "command" not in test:  # not built
            continue
        env = {}
        for prop in test.get("properties", []):
            if prop["name"] == "ENVIRONMENT":
                for item in prop["value"]:
                    key, _, value = item.partition("=")
                    env[key] = value
        commands[test["name"]] = (test["command"], env)
    return commands


def build(targets):
    result = subprocess.run(["cmake", "--build", BUILD, "-j2", "--target"] + sorted(targets),
                            capture_output=True, text=True)
    return result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def run_test(commands, name, functions):
    """(passed, the first failures) of one test, optionally only some of its functions."""
    command, env_extra = commands[name]
    env = dict(os.environ)
    env.update(env_extra)
    env["QT_QPA_PLATFORM"] = "offscreen"
    try:
        result = subprocess.run(command + functions, env=env, capture_output=True, text=True,
                                timeout=TEST_TIMEOUT_S, cwd=os.path.dirname(command[0]))
    except subprocess.TimeoutExpired:
        return False, "timeout"
    failed = [l for l in result.stdout.splitlines() if l.startswith("FAIL!")]
    return result.returncode == 0, "\n".join(failed[:3]) or result.stdout[-400:]


class Planted:
    """Writes the mutant into the copy and always puts the original back, even on a signal."""

    def __init__(self, path, original_text, mutant_text):
        self.path, self.original_text, self.mutant_text = path, original_text, mutant_text

    def __enter__(self):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.mutant_text)
        return self

    def __exit__(self, *exc):
        with open(self.path, "w", encoding="utf-8") as f:
            f.write(self.original_text)
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mutants", nargs="*", metavar="FILE",
                        default=sorted(glob.glob(os.path.join(ROOT, "scripts", "mutants", "*.json"))),
                        help="mutant files (default: scripts/mutants/*.json)")
    parser.add_argument("--only", help="comma-separated mutant ids")
    parser.add_argument("--list", action="store_true", help="list the mutants, check their snippets, exit")
    parser.add_argument("--repeat", type=int, default=1, metavar="N",
                        help="run each mutant's tests N times; killed only if killed every time "
                             "(shows that a test catches its bug deterministically)")
    args = parser.parse_args()

    mutants = []
    for path in args.mutants:
        with open(path, encoding="utf-8") as f:
            mutants += json.load(f)
    ids = [m["id"] for m in mutants]
    if len(set(ids)) != len(ids):
        sys.exit("mutate: duplicate mutant ids in %s" % " ".join(args.mutants))
    if args.only:
        wanted = args.only.split(",")
        unknown = [i for i in wanted if i not in ids]
        if unknown:
            sys.exit("mutate: unknown mutant id(s): %s" % ", ".join(unknown))
        mutants = [m for m in mutants if m["id"] in wanted]

    stale = []
    for m in mutants:
        with open(os.path.join(ROOT, m["file"]), encoding="utf-8") as f:
            count = f.read().count(m["original"])
        if count != 1:
            stale.append("%s: the original snippet occurs %d times in %s" % (m["id"], count, m["file"]))
    if args.list:
        for m in mutants:
            log("%-34s %-44s %s" % (m["id"], m["file"], " ".join(m["tests"])))
        log("%d mutants" % len(mutants))
    if stale:
        log("mutate: stale mutants (the code changed; update scripts/mutants/):\n  " + "\n  ".join(stale))
    if args.list:
        return 1 if stale else 0
    stale_ids = {s.split(":")[0] for s in stale}
    mutants = [m for m in mutants if m["id"] not in stale_ids]

    os.nice(10)  # a shared 2-core machine
    # A signal ends the run through the normal exit path, so the planted file is restored.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda signum, frame: sys.exit("mutate: interrupted by signal %d" % signum))

    os.makedirs(COPY, exist_ok=True)
    sync_copy()  # also undoes anything a crashed earlier run may have left in the copy
    if not os.path.isfile(os.path.join(BUILD, "CMakeCache.txt")):
        subprocess.run(["cmake", "--preset", "dev"], cwd=COPY, check=True, stdout=subprocess.DEVNULL)

    all_tests = {}
    for m in mutants:
        for name, functions in parse_tests(m["tests"]).items():
            all_tests.setdefault(name, set()).update(functions)
    log("mutate: building %d test targets in %s" % (len(all_tests), os.path.relpath(BUILD, ROOT)))
    ok, output = build(set(all_tests) | {"gridctl"})
    if not ok:
        sys.exit("mutate: the clean copy does not build:\n" + output)
    commands = ctest_commands()
    missing = [t for t in all_tests if t not in commands]
    if missing:
        sys.exit("mutate: unknown or unbuilt tests: %s" % ", ".join(missing))
    # The clean code must pass what each mutant runs, or a failure would prove nothing.
    baseline = set()
    for m in mutants:
        for name, functions in parse_tests(m["tests"]).items():
            key = (name, tuple(functions))
            if key in baseline:
                continue
            passed, detail = run_test(commands, name, functions)
            if not passed:
                sys.exit("mutate: %s fails on the clean code; fix it first:\n%s" % (name, detail))
            baseline.add(key)
    log("mutate: the clean code passes every selected test")

    killed, survived, unbuildable = [], [], []
    started = time.time()
    for n, m in enumerate(mutants, 1):
        path = os.path.join(COPY, m["file"])
        with open(path, encoding="utf-8") as f:
            original_text = f.read()
        mutant_text = original_text.replace(m["original"], m["mutant"], 1)
        tests = parse_tests(m["tests"])
        t0 = time.time()
        with Planted(path, original_text, mutant_text):
            ok, output = build(set(tests) | {"gridctl"})
            if not ok:
                verdict, detail = "UNBUILDABLE", (output.strip().splitlines() or [""])[-1]
            else:
                kills, detail = 0, ""
                for _ in range(args.repeat):
                    for name, functions in tests.items():
                        passed, why = run_test(commands, name, functions)
                        if not passed:
                            kills += 1
                            detail = "by %s %s" % (name, why.splitlines()[0] if why else "")
                            break
                verdict = "killed" if kills == args.repeat else "SURVIVED"
                if args.repeat > 1:
                    detail = "%d/%d runs %s" % (kills, args.repeat, detail)
        {"killed": killed, "SURVIVED": survived, "UNBUILDABLE": unbuildable}[verdict].append(m["id"])
        log("[%2d/%d] %-11s %-34s %5.0f s  %s" % (n, len(mutants), verdict, m["id"], time.time() - t0, detail[:160]))
    # Leave the copy's build matching the clean sources for the next run.
    build(set(all_tests) | {"gridctl"})
    log("mutate: %d mutants, %d killed, %d survived, %d unbuildable, %d stale; %.0f min" %
        (len(mutants), len(killed), len(survived), len(unbuildable), len(stale), (time.time() - started) / 60))
    for i in survived:
        log("  survived: %s" % i)
    for i in unbuildable:
        log("  unbuildable (fix the mutant): %s" % i)
    return 0 if not survived and not unbuildable and not stale else 1


if __name__ == "__main__":
    sys.exit(main())
