#!/usr/bin/env bash
# benchmarks/token_fetch.sh - one token fetch against a real schedd: jcedar's condor_token_fetch beside HTCondor's,
# on the same schedd, in one run. Prints the median wall time (hyperfine) and the median peak RSS
# (/usr/bin/time) of each, and their ratios, as a markdown table.
#
# Usage (as root): benchmarks/token_fetch.sh [-c CHROOT] [-s SCRIPTS] [-r RUNS] [-w WARMUP] [-o JSON]
#   CHROOT   a chroot made by provision.sh (default /var/lib/jcedar-anchors/sid: HTCondor 25.x)
#   SCRIPTS  the real-htcondor scripts (default $JCEDAR_REAL_HTCONDOR_SCRIPTS, else ../shared/real-htcondor beside
#            this checkout)
#   RUNS     measured runs per tool (default 30); WARMUP untimed runs first (default 5)
#   JSON     also keep hyperfine's JSON export there
#
# Both tools run as the unprivileged user nobody (real HTCondor treats root specially), with FS authentication
# through the host's /tmp (provision.sh share-tmp) and AES-GCM, as a pool.sh pool configures them. HTCondor's tool
# runs inside the chroot with the pool's configuration; ours on the host through bin/condor_token_fetch (launcher,
# JVM, the build's CDS archive) with the same client knobs (CONDOR_CONFIG=ONLY_ENV and _CONDOR_ settings, paths mapped to
# the host). The pool is started on a free port and stopped at the end. Needs hyperfine (Debian package).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
chroot=/var/lib/jcedar-anchors/sid
scripts="${JCEDAR_REAL_HTCONDOR_SCRIPTS:-$repo/../shared/real-htcondor}"
runs=30
warmup=5
json=
while getopts c:s:r:w:o: option; do
	case $option in
	c) chroot=$OPTARG ;;
	s) scripts=$OPTARG ;;
	r) runs=$OPTARG ;;
	w) warmup=$OPTARG ;;
	o) json=$OPTARG ;;
	*) sed -n '2,12p' "$0" >&2; exit 2 ;;
	esac
done
[[ $(id -u) -eq 0 ]] || { echo "token_fetch.sh: run as root (chroot, pool.sh)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "token_fetch.sh: hyperfine is missing (apt-get install hyperfine)" >&2; exit 2; }
[[ -f $repo/client-cli/target/jcedar-client-cli-tools.jsa ]] ||
	{ echo "token_fetch.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }

# shellcheck source=benchmarks/bench-pool.sh
source "$repo/benchmarks/bench-pool.sh"
start_bench_pool jcedar-bench

# The client knobs of the pool as the user sees them, for our tool: chroot paths become host paths.
knobs=(SEC_CLIENT_AUTHENTICATION SEC_CLIENT_ENCRYPTION SEC_CLIENT_INTEGRITY SEC_CLIENT_AUTHENTICATION_METHODS
	SEC_DEFAULT_AUTHENTICATION SEC_DEFAULT_ENCRYPTION SEC_DEFAULT_INTEGRITY SEC_DEFAULT_AUTHENTICATION_METHODS
	SEC_CLAIMTOBE_INCLUDE_DOMAIN UID_DOMAIN TRUST_DOMAIN COLLECTOR_HOST SCHEDD_ADDRESS_FILE SCHEDD_DAEMON_AD_FILE
	NETWORK_HOSTNAME ENABLE_IPV6)
env_file="$work/ours.env"
echo "CONDOR_CONFIG=ONLY_ENV" >"$env_file"
for knob in "${knobs[@]}"; do
	value=$("$scripts/pool.sh" exec "$chroot" --name "$pool" --user nobody -- condor_config_val "$knob" 2>/dev/null || true)
	[[ -n $value ]] || continue
	[[ $value == /* ]] && value="$chroot$value"
	echo "_CONDOR_$knob=$value" >>"$env_file"
done
if [[ $version == *" 23."* ]]; then
	echo "_CONDOR_SEC_FS_ENFORCE_CHANNEL_BINDING=false" >>"$env_file" # 23.x gives unbound FS names (20 §7.2)
fi
condor_config=$("$scripts/pool.sh" paths "$chroot" --name "$pool" | sed -n 's/^CONDOR_CONFIG *[:=] *//p' | head -n1)
condor_config=${condor_config:-/var/lib/condor-pools/$pool/condor_config}

real=(chroot --userspec=nobody:nogroup "$chroot" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/nonexistent
	CONDOR_CONFIG="$condor_config" condor_token_fetch)
mapfile -t our_settings <"$env_file"
ours=(setpriv --reuid=nobody --regid=nogroup --init-groups /usr/bin/env -i PATH=/usr/bin:/bin HOME=/nonexistent
	"${our_settings[@]}" "$repo/bin/condor_token_fetch")

# Each must fetch a token before anything is timed.
must_fetch() { # NAME COMMAND...
	local name=$1
	shift
	"$@" >"$work/$name.token" 2>"$work/$name.err" ||
		{ echo "token_fetch.sh: $name condor_token_fetch failed:" >&2; cat "$work/$name.err" >&2; exit 1; }
}
must_fetch real "${real[@]}"
must_fetch ours "${ours[@]}"

quote() { printf '%q ' "$@"; }
# The third command is the floor under any JVM tool on this machine: starting and stopping the JVM itself.
floor=("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -version)
hyperfine --style basic --warmup "$warmup" --runs "$runs" --export-json "$work/hyperfine.json" \
	-n "HTCondor condor_token_fetch" "$(quote "${real[@]}") >/dev/null" \
	-n "jcedar condor_token_fetch" "$(quote "${ours[@]}") >/dev/null" \
	-n "java -version" "$(quote "${floor[@]}") 2>/dev/null" >&2
[[ -z $json ]] || cp "$work/hyperfine.json" "$json"

peak_rss() { # median peak RSS in KiB of $runs runs of the command
	local command=("$@") i
	for ((i = 0; i < runs; i++)); do
		/usr/bin/time -f '%M' -o "$work/rss" "${command[@]}" >/dev/null 2>&1
		cat "$work/rss"
	done | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}
real_rss=$(peak_rss "${real[@]}")
ours_rss=$(peak_rss "${ours[@]}")

python3 - "$work/hyperfine.json" "$real_rss" "$ours_rss" "$version" "$runs" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
real_rss, ours_rss, version, runs = int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
real, ours = results[0], results[1]
ms = lambda s: s * 1000
print(f"schedd: {version.strip()}; {runs} runs each, as nobody, FS + AES-GCM")
print()
print("| tool | median wall | mean ± σ | min | max | median peak RSS |")
print("| --- | --- | --- | --- | --- | --- |")
for name, r, rss in (("HTCondor condor_token_fetch", real, real_rss), ("jcedar condor_token_fetch", ours, ours_rss)):
    print(f"| {name} | {ms(r['median']):.1f} ms | {ms(r['mean']):.1f} ± {ms(r['stddev']):.1f} ms"
          f" | {ms(r['min']):.1f} ms | {ms(r['max']):.1f} ms | {rss / 1024:.1f} MiB |")
print(f"| java -version (JVM start-up alone) | {ms(results[2]['median']):.1f} ms | {ms(results[2]['mean']):.1f}"
      f" ± {ms(results[2]['stddev']):.1f} ms | {ms(results[2]['min']):.1f} ms | {ms(results[2]['max']):.1f} ms | |")
print()
print(f"ratio jcedar / HTCondor: wall {ours['median'] / real['median']:.1f}x, peak RSS {ours_rss / real_rss:.1f}x")
PY
