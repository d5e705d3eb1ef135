#!/usr/bin/env bash
# benchmarks/daemon_fetch.sh - the daemon's CPU time per token fetch: a real schedd beside jcedar's mock daemon,
# in one run, each serving real condor_token_fetch run a few hundred times in a row. The CPU time is the daemon
# process's utime + stime from /proc/PID/stat (all its threads) before and after each round; the script prints
# the median over the rounds, per fetch, as a markdown table.
#
# Usage (as root): benchmarks/daemon_fetch.sh [-c CHROOT] [-s SCRIPTS] [-n FETCHES] [-r ROUNDS] [-w WARMUP]
#   CHROOT   a chroot made by provision.sh (default /var/lib/jcedar-anchors/sid: HTCondor 25.x)
#   SCRIPTS  the real-htcondor scripts (default $JCEDAR_REAL_HTCONDOR_SCRIPTS, else ../shared/real-htcondor beside
#            this checkout)
#   FETCHES  fetches per round (default 100); ROUNDS measured rounds per daemon (default 5); WARMUP untimed fetches
#            first (default 200: the mock's JIT settles)
#
# Both daemons are configured alike: the mock reads the pool's own configuration file (security policy, methods,
# ALLOW lists, trust domain) and holds a copy of the pool's POOL key. The tool runs in the chroot as nobody, FS
# authentication through the shared /tmp, AES-GCM, with -name <the daemon's address>, in a shell loop (one
# pool.sh exec per round). The pool and the mock are started on free ports and stopped at the end.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
chroot=/var/lib/jcedar-anchors/sid
scripts="${JCEDAR_REAL_HTCONDOR_SCRIPTS:-$repo/../shared/real-htcondor}"
fetches=100
rounds=5
warmup=200
while getopts c:s:n:r:w: option; do
	case $option in
	c) chroot=$OPTARG ;;
	s) scripts=$OPTARG ;;
	n) fetches=$OPTARG ;;
	r) rounds=$OPTARG ;;
	w) warmup=$OPTARG ;;
	*) sed -n '2,15p' "$0" >&2; exit 2 ;;
	esac
done
[[ $(id -u) -eq 0 ]] || { echo "daemon_fetch.sh: run as root (chroot, pool.sh)" >&2; exit 2; }
jar=$repo/mock-daemon/target/jcedar-mock-daemon.jar
[[ -f $jar ]] || { echo "daemon_fetch.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }

# shellcheck source=benchmarks/bench-pool.sh
source "$repo/benchmarks/bench-pool.sh"
mock_pid=
bench_stop_extra() {
	[[ -z $mock_pid ]] || { kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null || true; }
}
start_bench_pool jcedar-daemon-bench
schedd_address=$(head -n1 "$pool_dir/spool/.schedd_address")
schedd_pid=
for pid in $("$scripts/pool.sh" status "$chroot" --name "$pool" | sed -n 's/.*daemons: //p'); do
	[[ $(cat "/proc/$pid/comm" 2>/dev/null) == condor_schedd ]] && schedd_pid=$pid
done
[[ -n $schedd_pid ]] || { echo "daemon_fetch.sh: no condor_schedd in pool $pool" >&2; exit 1; }

# The mock: the pool's configuration, its POOL key copied (root-owned, 0600), on another free port.
mkdir -m 700 "$work/keys"
install -m 600 "$pool_dir/etc/passwords.d/POOL" "$work/keys/POOL"
cat >"$work/mock_config" <<EOF
include : $pool_dir/pool.config
SEC_PASSWORD_DIRECTORY = $work/keys
SEC_TOKEN_POOL_SIGNING_KEY_FILE = $work/keys/POOL
SCHEDD_NAME = mock@localhost
EOF
mock_port=$(free_port)
"$repo/bin/condor_mock_daemon" -config "$work/mock_config" -port "$mock_port" -address-file "$work/mock_address" \
	-log "$work/mock.log" >/dev/null &
mock_pid=$!
for _ in $(seq 100); do [[ -s $work/mock_address ]] && break; sleep 0.1; done
mock_address=$(head -n1 "$work/mock_address")
# bin/condor_mock_daemon execs java: the JVM has the launcher's pid.

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
fetch_loop() { # ADDRESS COUNT: COUNT fetches in a row, each must get a token
	"$scripts/pool.sh" exec "$chroot" --name "$pool" --user nobody -- sh -c \
		'for i in $(seq '"$2"'); do condor_token_fetch -name "'"$1"'" >/dev/null || exit 1; done'
}
measure() { # NAME ADDRESS PID: prints one line per round: CPU ms per fetch
	local name=$1 address=$2 pid=$3 round before after
	fetch_loop "$address" "$warmup"
	for ((round = 0; round < rounds; round++)); do
		before=$(cpu_ticks "$pid")
		fetch_loop "$address" "$fetches"
		after=$(cpu_ticks "$pid")
		echo "$name $(( (after - before) * 1000 / $(getconf CLK_TCK) )) $fetches"
	done
}
{
	measure real "$schedd_address" "$schedd_pid"
	measure mock "$mock_address" "$mock_pid"
} >"$work/rounds"
mock_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$mock_pid/status")
schedd_rss=$(awk '/VmHWM/ { print $2 }' "/proc/$schedd_pid/status")

python3 - "$work/rounds" "$version" "$fetches" "$rounds" "$schedd_rss" "$mock_rss" <<'PY'
import statistics, sys
rounds, version, fetches, count, schedd_rss, mock_rss = sys.argv[1:7]
per = {"real": [], "mock": []}
for line in open(rounds):
    name, cpu_ms, n = line.split()
    per[name].append(int(cpu_ms) / int(n))
print(f"schedd: {version.strip()}; {count} rounds of {fetches} fetches each, real condor_token_fetch as nobody, FS + AES-GCM")
print()
print("| daemon | median CPU per fetch | rounds (ms per fetch) | peak RSS |")
print("| --- | --- | --- | --- |")
for name, label, rss in (("real", "HTCondor condor_schedd", schedd_rss), ("mock", "jcedar mock daemon", mock_rss)):
    values = per[name]
    print(f"| {label} | {statistics.median(values):.2f} ms | {', '.join(f'{v:.2f}' for v in values)} | "
          f"{int(rss) / 1024:.1f} MiB |")
print()
print(f"Ratio mock / real: {statistics.median(per['mock']) / statistics.median(per['real']):.2f}")
PY
