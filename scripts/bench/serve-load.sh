#!/usr/bin/env bash
# Load benchmark of `POST /api/predict` with a Draw-page canvas (280×280 PNG, one digit):
# starts the release `digits serve` on a free loopback port with the default model, then runs
# wrk twice, bounded in time: one connection (latency: p50, p99) and CONNECTIONS concurrent
# ones (sustained predictions per second).
#
#   scripts/bench/serve-load.sh [SECONDS=20] [CONNECTIONS=8] [MODEL=Models/default.safetensors]
#
# SIZE=560 scripts/bench/serve-load.sh … posts a 560×560 canvas instead (the Draw page sends
# its 560×560 pad at half size; extraction time grows with the pixel count).
#
# Needs wrk (apt-get install wrk) and Python with Pillow (to draw the canvas).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
connections=${2:-8}
model=${3:-Models/default.safetensors}
bin=.build/release/digits
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
[ -x "$bin" ] || { echo "build first: swift build -c release --product digits" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
# The dev set's clean canvas digit at the Draw page's size: dark ink on white, RGB PNG.
size=${SIZE:-280}
python3 - "$work/canvas.png" "$size" <<'PY'
import sys
from PIL import Image
side = int(sys.argv[2])
Image.open("Tests/DigitsKitTests/Fixtures/devset/clean-canvas-000.png").convert("RGB").resize((side, side)).save(sys.argv[1])
PY
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" serve --host 127.0.0.1 --port "$port" --model "$model" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { cat "$work/server.log" >&2; exit 1; }

export DIGITS_BENCH_PNG="$work/canvas.png"
echo "model $model; ${size}×${size} canvas PNG ($(stat -c %s "$work/canvas.png") bytes); load before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
# Warm-up: the model is loaded and caches filled before anything is measured.
wrk -t1 -c1 -d2s -s scripts/bench/predict-load.lua "http://127.0.0.1:$port" >/dev/null
echo "== 1 connection, ${seconds} s (latency)"
wrk -t1 -c1 -d"${seconds}s" -s scripts/bench/predict-load.lua "http://127.0.0.1:$port" | grep -E "^(requests|latency|throughput)"
echo "== $connections connections, ${seconds} s (throughput)"
# The server's own CPU time per prediction: on a shared machine wall-clock rates say more about
# the neighbours than about the server, CPU seconds much less so.
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$server/stat"; }
before=$(cpu)
wrk -t2 -c"$connections" -d"${seconds}s" -s scripts/bench/predict-load.lua "http://127.0.0.1:$port" | tee "$work/wrk.txt" \
    | grep -E "^(requests|latency|throughput)"
after=$(cpu)
requests=$(awk '/^requests/ { gsub(",", "", $2); print $2 }' "$work/wrk.txt")
awk -v a="$after" -v b="$before" -v n="$requests" -v cores="$(nproc)" 'BEGIN {
    ms = (a - b) * 1000 / n
    printf "server CPU %.2f ms per prediction: at most %.0f predictions/s on %d idle cores\n", ms, cores * 1000 / ms, cores }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
