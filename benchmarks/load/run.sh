#!/usr/bin/env bash
# Bounded load test on loopback: wrk drives the sample order system for a fixed time while a real Prometheus
# scrapes all four services every 100 ms. Fails unless every request succeeded and every scrape succeeded;
# prints the scrape latency p99 per service (from Prometheus' own scrape_duration_seconds).
#
#   benchmarks/load/run.sh [seconds=30] [connections=64]
#
# Needs wrk and prometheus (Debian packages wrk, prometheus). Uses ports 18001-18004 and a free port for Prometheus.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration="${1:-30}"
connections="${2:-64}"
for tool in wrk prometheus curl; do
  command -v "$tool" >/dev/null || { echo "load: $tool is required (apt-get install -y wrk prometheus curl)" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

dotnet build samples/OrderSystem -c Release -v q -nologo >/dev/null
dotnet samples/OrderSystem/bin/Release/net10.0/OrderSystem.dll --base-port 18001 --no-traffic >"$work/sample.log" 2>&1 &
pids+=($!)
for port in 18001 18002 18003 18004; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/metrics" >/dev/null && break; sleep 0.2; done
done
curl -sf -X POST http://127.0.0.1:18001/orders -H 'Content-Type: application/json' -d '{"item":"book","quantity":1,"price":9.99}' >/dev/null

prom_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >"$work/prometheus.yml" <<YAML
global:
  scrape_interval: 100ms
  scrape_timeout: 100ms
scrape_configs:
  - job_name: order-service
    static_configs: [{targets: ['127.0.0.1:18001']}]
  - job_name: inventory-service
    static_configs: [{targets: ['127.0.0.1:18002']}]
  - job_name: payment-service
    static_configs: [{targets: ['127.0.0.1:18003']}]
  - job_name: notification-service
    static_configs: [{targets: ['127.0.0.1:18004']}]
YAML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prom_port" --log.level=warn >"$work/prometheus.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$prom_port/-/ready" >/dev/null && break; sleep 0.2; done
sleep 2

echo "load: wrk -t2 -c$connections -d${duration}s against POST /orders + GET /orders/1, Prometheus scraping every 100 ms"
wrk -t2 -c"$connections" -d"${duration}s" --latency -s benchmarks/load/orders.lua http://127.0.0.1:18001 | tee "$work/wrk.txt"
sleep 1

query() { curl -sf "http://127.0.0.1:$prom_port/api/v1/query" --data-urlencode "query=$1"; }
window="$((duration + 2))s"
echo
echo "scrapes during the run (window $window):"
python3 - "$window" "$prom_port" <<'PY'
import json, sys, urllib.parse, urllib.request
window, port = sys.argv[1], sys.argv[2]
def q(expr):
    url = f"http://127.0.0.1:{port}/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    return {r["metric"]["job"]: float(r["value"][1]) for r in json.load(urllib.request.urlopen(url))["data"]["result"]}
total = q(f"count_over_time(up[{window}])")
ok = q(f"sum_over_time(up[{window}])")
p50 = q(f"quantile_over_time(0.5, scrape_duration_seconds[{window}])")
p99 = q(f"quantile_over_time(0.99, scrape_duration_seconds[{window}])")
worst = q(f"max_over_time(scrape_duration_seconds[{window}])")
samples = q("scrape_samples_scraped")
failed = 0
print(f"  {'job':22} {'scrapes':>8} {'failed':>7} {'samples':>8} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
for job in sorted(total):
    bad = int(total[job] - ok[job]); failed += bad
    print(f"  {job:22} {int(total[job]):8d} {bad:7d} {int(samples[job]):8d} {p50[job]*1000:8.2f} {p99[job]*1000:8.2f} {worst[job]*1000:8.2f}")
sys.exit(1 if failed else 0)
PY
scrapes_ok=$?

errors="$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || true)"
if [ -n "$errors" ]; then echo "load: FAILED requests: $errors" >&2; exit 1; fi
if [ "$scrapes_ok" -ne 0 ]; then echo "load: FAILED scrapes" >&2; exit 1; fi
echo "load: zero failed requests, zero failed scrapes"
