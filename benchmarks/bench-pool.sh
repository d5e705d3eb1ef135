# benchmarks/bench-pool.sh - sourced by the benchmark scripts: a pool.sh pool of real HTCondor for one run.
# start_bench_pool PREFIX starts one in $chroot (with $scripts) on a free loopback port, the host's /tmp shared with
# the chroot (FS authentication), and sets port, pool, pool_dir, version and work (a fresh directory under /tmp,
# readable by nobody). When the script exits the pool is stopped and removed, and work deleted; a script with more
# to stop first defines bench_stop_extra.

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

start_bench_pool() {
	port=$(free_port)
	pool=$1-$port
	pool_dir=$chroot/var/lib/condor-pools/$pool
	work=$(mktemp -d "/tmp/$1.XXXXXX")
	chmod 755 "$work"
	trap stop_bench_pool EXIT
	"$scripts/provision.sh" share-tmp "$chroot" >/dev/null
	"$scripts/pool.sh" start "$chroot" --name "$pool" --port "$port" --trust-domain bench.jcedar.test >/dev/null
	version=$("$scripts/pool.sh" exec "$chroot" --name "$pool" -- condor_version | head -n1)
}

stop_bench_pool() {
	if declare -F bench_stop_extra >/dev/null; then
		bench_stop_extra
	fi
	"$scripts/pool.sh" stop "$chroot" --name "$pool" >/dev/null 2>&1 && rm -rf --one-file-system "$pool_dir"
	rm -rf "$work"
}
