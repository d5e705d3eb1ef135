#!/usr/bin/env bash
# record-classlist.sh - records the classes jcedar's tools load into tools.classlist beside this script, from which
# the build makes the tools' CDS archive (client-cli/target/jcedar-client-cli-tools.jsa, -Xshare:dump). Run it after
# changes that load other classes: it builds jcedar if needed and runs bin/demo (the mock daemon; token fetches with
# FS and IDTOKENS, with and without -debug, configured by a file, with metaknobs and by the environment only, and -
# when run as root - one as nobody that finds the schedd through a daemon ad file as fetches from a real schedd do;
# token list, a local token, a failed fetch) with each tool recording its classes (-XX:DumpLoadedClassList).
# Classes of the JDK that the JDK in use does not have, or of jcedar that are gone, are skipped by the dump.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
repo=$(cd "$here/../../../.." && pwd -P)
lists=$(mktemp -d)
trap 'rm -rf "$lists"' EXIT
JCEDAR_RECORD_CLASSLIST=$lists "$repo/bin/demo" >/dev/null
# One list: every class once, in the order first loaded; the lambda-form lines too.
cat "$lists"/*.classlist | awk '!seen[$0]++' >"$here/tools.classlist"
echo "wrote $here/tools.classlist ($(wc -l <"$here/tools.classlist") lines from $(ls "$lists" | wc -l) runs)"
