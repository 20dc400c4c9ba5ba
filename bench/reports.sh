#!/usr/bin/env bash
# Benchmark of 'warehouse report' for all 183 counties of one period (BENCHMARKS.md, "Reports").
# Usage: bench/reports.sh WAREHOUSE PERIOD [RUNS]   (default 3 runs)
# Prints, per run, wall time, the CPU time and the peak memory of the whole process tree (the JVM,
# Chromium and its renderers) from a cgroup of its own (v1 cpuacct + memory; needs root), so the
# figures do not depend on what else the machine runs; then the median wall time.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warehouse="$1"; period="$2"; runs="${3:-3}"
out="$(mktemp -d)"
walls=()
for ((i = 1; i <= runs; i++)); do
  group="tianfu-bench-$$-$i"
  cpu="/sys/fs/cgroup/cpuacct/$group"; mem="/sys/fs/cgroup/memory/$group"
  mkdir "$cpu" "$mem"
  rm -rf "$out/reports"
  start=$(date +%s.%N)
  bash -c "echo \$\$ > $cpu/cgroup.procs; echo \$\$ > $mem/cgroup.procs; exec \"$root/bin/warehouse\" report \
    --warehouse \"$warehouse\" --period \"$period\" --out \"$out/reports\" ${BENCH_FLAGS:-}" > "$out/stdout" 2> "$out/stderr"
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  cpu_s=$(echo "scale=1; $(cat "$cpu/cpuacct.usage") / 1000000000" | bc)
  peak_mb=$(( $(cat "$mem/memory.max_usage_in_bytes") / 1048576 ))
  rmdir "$cpu" "$mem"
  walls+=("$wall")
  printf 'run %d: wall %.1f s, cpu %s s (JVM + Chromium), peak memory %d MiB; %s\n' "$i" "$wall" "$cpu_s" "$peak_mb" "$(tail -1 "$out/stdout")"
done
printf 'median wall: %.1f s over %d runs; load average now: %s\n' \
  "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
