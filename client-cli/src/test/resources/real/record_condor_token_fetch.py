#!/usr/bin/env python3
"""Records what the real condor_token_fetch does with command lines that need no daemon.

Usage (as root): record_condor_token_fetch.py CHROOT OUT.json
Runs each case in CHROOT (made by ../shared/real-htcondor/provision.sh) as user nobody with the chroot's own
default configuration and no HTCondor daemon running, and writes args, exit status, stdout and stderr.
"""
import json
import subprocess
import sys

CASES = [
    # options without their value
    ["-a"], ["-au"], ["-authz"], ["-l"], ["-lifetime"], ["-p"], ["-pool"], ["-n"], ["-name"], ["-t"], ["-to"],
    ["-token"], ["-ty"], ["-type"], ["-k"], ["-key"], ["-f"], ["-file"], ["-authz", "READ", "-lifetime"],
    # help and unknown arguments
    ["-h"], ["-help"], ["--help"], ["-he", "x"], ["-help", "-bogus"], ["--h"], ["-bogus"], ["-bogus", "-help"],
    ["foo"], ["-"], ["--"], ["-debugx"], ["-authz", "READ", "-bogus"], ["-to", "x", "-remotex"], ["-T"],
    # invalid values
    ["-lifetime", "abc"], ["-lifetime", ""], ["-lifetime", "99999999999999999999"], ["-lifetime", "-"],
    ["-type", "bogus"], ["-type", ""], ["-type", " schedd"], ["-type", "schedd_"], ["-type", "stork"],
    ["-type", "cluster"],
    # -remote with another daemon type
    ["-remote", "-type", "collector"], ["-r", "-t", "master"],
    # types HTCondor cannot locate (it aborts with status 4)
    ["-type", "dagman"], ["-type", "shadow"], ["-type", "starter"], ["-type", "gridmanager"],
    ["-type", "lease_manager"],
    # nothing to find: no daemon runs
    [], ["-lifetime", "10abc"], ["-lifetime", "-5"], ["-lifetime", " 12"], ["-type", "Schedd"], ["-t", "SCHEDD"],
    ["-type", "master"], ["-type", "startd"], ["-type", "negotiator"], ["-type", "credd"], ["-type", "had"],
    ["-type", "kbdd"], ["-type", "cluster_server"], ["-type", "generic"], ["-name", "nosuch@localhost"],
    ["-authz", "-lifetime"], ["-key", "POOL", "-authz", "READ", "-authz", "WRITE"],
]


def run(chroot, args):
    command = ["chroot", "--userspec=nobody:nogroup", chroot, "/usr/bin/env", "-i", "PATH=/usr/bin:/bin",
               "HOME=/nonexistent", "condor_token_fetch"] + args
    done = subprocess.run(command, capture_output=True, timeout=60)
    return {"args": args, "rc": done.returncode, "stdout": done.stdout.decode("utf-8", "replace"),
            "stderr": done.stderr.decode("utf-8", "replace")}


def main():
    chroot, out = sys.argv[1], sys.argv[2]
    with open(out, "w") as f:
        json.dump([run(chroot, args) for args in CASES], f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
