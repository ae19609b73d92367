#!/usr/bin/env bash
# Runs every test: unit, integration (real PostgreSQL and RabbitMQ), end-to-end (the whole platform),
# then the fault suite (Category=Faults: kill -9 and SIGSTOP of real processes), which runs alone after
# the rest so its recovery timings are not skewed by other tests.
#   ./test.sh          everything
#   ./test.sh fast     everything but the fault suite
#   ./test.sh faults   the fault suite only
# Installs what is missing first. The last line is: tests: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")"

scope="${1:-all}"
case "$scope" in
  all|fast|faults) ;;
  *) echo "usage: ./test.sh [all|fast|faults]" >&2; exit 2 ;;
esac

# chromium: the browser tests drive Debian's Chromium.
./scripts/prerequisites.sh chromium || exit 1
./scripts/build-web.sh || exit 1

work=$(mktemp -d "${TMPDIR:-/tmp}/patientflow-test.XXXXXX")
infra_pid=""
cleanup() {
  if [ -n "$infra_pid" ] && kill -0 "$infra_pid" 2>/dev/null; then
    kill -TERM "$infra_pid" 2>/dev/null
    wait "$infra_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

echo "== build"
if ! dotnet build PatientFlow.sln --configuration Release --nologo --verbosity quiet; then
  echo "tests: 0 passed, 1 failed, 0 skipped"
  exit 1
fi

# One PostgreSQL and one RabbitMQ for the whole run; every test fixture isolates itself with its
# own database and virtual host on them.
echo "== starting test servers"
dotnet apphost/PatientFlow.AppHost/bin/Release/net10.0/PatientFlow.AppHost.dll \
  --infrastructure-only --data "$work/servers" --env-file "$work/servers.env" > "$work/servers.log" 2>&1 &
infra_pid=$!
for _ in $(seq 1 240); do
  [ -s "$work/servers.env" ] && break
  if ! kill -0 "$infra_pid" 2>/dev/null; then
    cat "$work/servers.log"
    echo "tests: 0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  sleep 0.5
done
# The variable names contain '-', which the shell cannot export: hand them over through env.
mapfile -t server_vars < "$work/servers.env"

export PATIENTFLOW_FIGURES="$work/figures.txt"
started=$(date +%s)
status=0
run_tests() { # $1: label, $2: filter, $3: projects at once
  echo "== test: $1"
  env "${server_vars[@]}" dotnet test PatientFlow.sln --configuration Release --no-build --nologo --filter "$2" -maxcpucount:"$3" \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$work/results/$1" || status=1
}
[ "$scope" != faults ] && run_tests main "Category!=Faults" "$(nproc)"
# One project at a time: fault tests measure recovery and must not compete for the cores.
[ "$scope" != fast ] && run_tests faults "Category=Faults" 1
echo "test duration: $(( $(date +%s) - started )) s"
[ -f "$PATIENTFLOW_FIGURES" ] && { echo "== figures"; cat "$PATIENTFLOW_FIGURES"; }

passed=0; failed=0; skipped=0
for trx in "$work"/results/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$failed" -gt 0 ]; then
  # Name each failure here, at the end, where a truncated log still shows it. A message is shown once, in full up to
  # 40 lines (a fixture that did not start says why); a test that failed with the same first line refers to it.
  echo "== failed"
  awk '/<UnitTestResult / && /outcome="Failed"/ { match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1 }
       want && /<Message>/ { line = $0; sub(/.*<Message>/, "", line); open = (line !~ /<\/Message>/); sub(/<\/Message>.*/, "", line)
                             key = substr(line, 1, 160); want = 0
                             if (key in first) { print "FAILED " name ": the same failure as " first[key]; next }
                             first[key] = name; print "FAILED " name ": " substr(line, 1, 2000); shown = 1; more = open; next }
       more && shown < 40 { line = $0; done = (line ~ /<\/Message>/); sub(/<\/Message>.*/, "", line); print "    " substr(line, 1, 300); shown++; if (done) more = 0; next }
       more && /<\/Message>/ { more = 0 }' "$work"/results/*/*.trx
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a test host crashed or a project did not run: never report green
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
