#!/usr/bin/env bash
# Benchmarks of the nightly run as history grows, and of a full rebuild (BENCHMARKS.md, "Nightly run").
#
#   bench/nightly.sh history DIR SCALE N...     generate export days from 2024-01-01 at SCALE and grow
#                                               one warehouse night batch by night batch to N days
#                                               (N ascending); keep a copy of it at each N
#   bench/nightly.sh night DIR N SCALE RUNS     add export day N+1 at SCALE to copies of the N-day
#                                               warehouse and time `warehouse run`, RUNS times (the
#                                               last run's warehouse stays in DIR/night-warehouse)
#   bench/nightly.sh rebuild DIR N              one `run --full` over the first N days of DIR's landing
#
# Day N+1 is a whole month's day after N = 30, 90, 180, 365 (Jan 31, Mar 31, Jun 29, Dec 31), so
# every night's month holds about a month of data before it. The night's own targets file is not
# added: the targets are the history's, so a night touches only what its exports touch.
# Each run prints the seconds of every task, the start-up (process start to the run's first line:
# JVM, Spark session, lock), the total (process start to gold published), peak RSS and bytes
# written. WAREHOUSE_BIN picks the launcher (default: this checkout's), for before/after rows.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="${WAREHOUSE_BIN:-$root/bin/warehouse}"
first_day=2024-01-01
seed="${SEED:-2024}"
export WAREHOUSE_PII_KEY="${WAREHOUSE_PII_KEY:-benchmark-only-key}"

day() { date -d "$first_day + $1 days" +%F; }   # day 0 is first_day

# Runs a warehouse command; each output line is stamped with the seconds since the process started.
timed() {
  local out="$1"; shift
  local start; start=$(date +%s.%N)
  /usr/bin/time -f 'peak_rss_kib %M' -o "$out.time" "$bin" "$@" 2>&1 | while IFS= read -r line; do
    printf '%7.1f  %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$line"
  done > "$out"
}

summary() {
  awk '/ all days / { printf "%s %s  ", $4, $(NF-1) } / run [0-9T]+Z-/ && !s { s = $1 }
       END { printf "start-up %s  total %s  ", s, $1 }' "$1"
  cat "$1.time"
}

# A landing folder of hard links holding the export days before `until` (and targets).
landing_until() {
  local from="$1" to="$2" until="$3"
  rm -rf "$to"; mkdir -p "$to"
  cp -al "$from/targets" "$to/"
  for source in "$from"/*/; do
    local name; name=$(basename "$source")
    [[ "$name" == targets ]] && continue
    mkdir -p "$to/$name"
    for folder in "$source"dt=*; do
      [[ "${folder##*dt=}" < "$until" ]] && cp -al "$folder" "$to/$name/"
    done
  done
}

cmd="$1"; dir="$2"
case "$cmd" in
  history)
    scale="$3"; shift 3
    days=("$@"); last="${days[-1]}"
    rm -rf "$dir"; mkdir -p "$dir"
    "$bin" generate --landing "$dir/landing" --from "$first_day" --to "$(day $((last - 1)))" \
      --scale "$scale" --seed "$seed" > "$dir/generate.log" 2>&1
    for n in "${days[@]}"; do
      landing_until "$dir/landing" "$dir/landing-$n" "$(day "$n")"
      timed "$dir/history-$n.log" run --landing "$dir/landing-$n" --warehouse "$dir/warehouse"
      cp -a "$dir/warehouse" "$dir/warehouse-$n"
      echo "history to $n days: $(summary "$dir/history-$n.log"); warehouse $(du -sb "$dir/warehouse" | cut -f1) bytes"
    done
    ;;
  night)
    n="$3"; scale="$4"; runs="$5"; night=$(day "$n")
    rm -rf "$dir/night-export" "$dir/night-landing"
    "$bin" generate --landing "$dir/night-export" --from "$night" --to "$night" --scale "$scale" --seed "$seed" > /dev/null 2>&1
    landing_until "$dir/landing" "$dir/night-landing" "$night"
    for source in "$dir/night-export"/*/; do
      [[ "$(basename "$source")" == targets ]] || cp -r "$source/dt=$night" "$dir/night-landing/$(basename "$source")/"
    done
    echo "night $night after $n days, scale $scale: $(find "$dir/night-export" -name '*.jsonl' -exec cat {} + | wc -l) lines"
    base_bytes=$(du -sb "$dir/warehouse-$n" | cut -f1)
    for ((i = 1; i <= runs; i++)); do
      rm -rf "$dir/night-warehouse"; cp -a "$dir/warehouse-$n" "$dir/night-warehouse"
      timed "$dir/night-$n-$i.log" run --landing "$dir/night-landing" --warehouse "$dir/night-warehouse"
      echo "run $i: $(summary "$dir/night-$n-$i.log"); bytes written $(( $(du -sb "$dir/night-warehouse" | cut -f1) - base_bytes ))"
    done
    echo "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  rebuild)
    n="$3"
    landing_until "$dir/landing" "$dir/landing-$n" "$(day "$n")"
    echo "rebuild of $n days: $(find "$dir/landing-$n" -name '*.jsonl' -exec cat {} + | wc -l) lines"
    timed "$dir/rebuild-$n.log" run --full --landing "$dir/landing-$n" --warehouse "$dir/rebuild"
    grep -E 'bronze\.|silver\.|all days' "$dir/rebuild-$n.log"
    echo "rebuild: $(summary "$dir/rebuild-$n.log"); warehouse $(du -sb "$dir/rebuild" | cut -f1) bytes"
    ;;
  *) echo "usage: bench/nightly.sh history DIR SCALE N... | night DIR N SCALE RUNS | rebuild DIR N" >&2; exit 2 ;;
esac
