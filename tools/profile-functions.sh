#!/usr/bin/env bash
# CPU profile of the phone functions, one perf recording per phase of `functions-profile`
# (new-call checks, known-call checks, bookings; docs/PERFORMANCE.md, fifth pass). Needs a
# Release build and Linux perf. JIT'd code gets names through the runtime's perf map.
# Usage: flock /work/brief/bench.lock tools/profile-functions.sh <output-folder>
#   then: perf report -i <output-folder>/bookappointment.data --children --sort sym
set -euo pipefail
out=$(realpath -m "${1:?usage: tools/profile-functions.sh <output-folder>}")
cd "$(dirname "$0")/.."
mkdir -p "$out"
export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
uptime > "$out/log.txt"
dotnet run -c Release --no-build --project AskPro.Benchmarks -- functions-profile >> "$out/log.txt" 2>&1 &
runner=$!
pid=""
declare -A recorded
while kill -0 "$runner" 2>/dev/null; do
  [ -z "$pid" ] && pid=$(grep -m1 '^PID ' "$out/log.txt" | awk '{print $2}' || true)
  for phase in "check_availability (new call)" "check_availability (known call)" "book_appointment"; do
    key=${phase//[^a-z]/}
    if [ -z "${recorded[$key]:-}" ] && grep -qF "Phase starts: $phase" "$out/log.txt"; then
      recorded[$key]=1
      sleep 1 # past the phase's first requests
      perf record -F 999 -g -p "$pid" -o "$out/$key.data" -- sleep 6 > "$out/$key.perf.log" 2>&1
    fi
  done
  sleep 0.2
done
wait "$runner"
uptime >> "$out/log.txt"
