#!/usr/bin/env bash
# Slow scrapers: CLIENTS raw-socket clients each GET a ~10 MB /metrics and read it at 1 byte/s for SECONDS, while the
# server's managed heap is read after a forced full GC every 10 s (its /debug/heap). Reports the exposition size,
# the idle heap, the largest heap under load and how the clients fared. With REF, the same server is also built
# against the library at that git commit (git archive into a temp dir) and measured first: before and after.
#
#   benchmarks/slow-scrapers/run.sh [seconds=60] [clients=20] [ref]
#
# Needs python3 and curl. Listens on free loopback ports; stops its servers by PID.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
clients="${2:-20}"
ref="${3:-}"
work="$(mktemp -d)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }

measure() {
  local label="$1" root="$2"
  dotnet build "$root/benchmarks/slow-scrapers/server" -c Release -v q -nologo >/dev/null
  local port; port="$(free_port)"
  dotnet "$root/benchmarks/slow-scrapers/server/bin/Release/net10.0/SlowScrapersServer.dll" "$port" >"$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/debug/heap" >/dev/null && break; sleep 0.2; done
  local size; size="$(curl -sf "http://127.0.0.1:$port/metrics" | wc -c)"
  read -r idle _ < <(curl -sf "http://127.0.0.1:$port/debug/heap")
  python3 benchmarks/slow-scrapers/slow_clients.py 127.0.0.1 "$port" "$clients" 1 "$seconds" >"$work/clients.txt" &
  local load=$!
  local peak=0 samples=""
  for _ in $(seq $((seconds / 10))); do
    sleep 10
    read -r heap _ < <(curl -sf "http://127.0.0.1:$port/debug/heap")
    samples="$samples $(mb "$heap" | cut -d' ' -f1)"
    [ "$heap" -gt "$peak" ] && peak="$heap"
  done
  wait "$load"
  local status; status="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$label: exposition $(mb "$size"), heap idle $(mb "$idle"), under load peak $(mb "$peak") (every 10 s, MB:$samples); scrape after the load: $status"
  cat "$work/clients.txt"
}

if [ -n "$ref" ]; then
  mkdir -p "$work/before"
  git archive "$ref" Directory.Build.props src | tar -x -C "$work/before"
  mkdir -p "$work/before/benchmarks/slow-scrapers"
  cp -r benchmarks/slow-scrapers/server "$work/before/benchmarks/slow-scrapers/"
  rm -rf "$work/before/benchmarks/slow-scrapers/server/bin" "$work/before/benchmarks/slow-scrapers/server/obj"
  measure "before ($(git rev-parse --short "$ref"))" "$work/before"
fi
measure "after ($(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo '+changes'))" .
