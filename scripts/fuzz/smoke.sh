#!/usr/bin/env bash
# Every fuzz target for a short time (CI):   scripts/fuzz/smoke.sh [SECONDS_PER_TARGET]
# Builds once, then runs the targets one after another (one fuzzer process at a time); prints a
# table and exits non-zero if any target found a crash, leak, timeout or OOM.
# Default 12 s a target: about 4 minutes in all with the seeds' loading.
set -uo pipefail
. "$(dirname "$0")/common.sh"
seconds="${1:-12}"
# A fresh work folder, so that a CI run does not depend on an earlier corpus (unless set).
export BRIEF_FUZZ_WORK="${BRIEF_FUZZ_WORK:-$(mktemp -d /tmp/brief-fuzz-smoke.XXXXXX)}"
export BRIEF_FUZZ_MINIMIZE_SECONDS="${BRIEF_FUZZ_MINIMIZE_SECONDS:-20}"
WORK_ROOT="$BRIEF_FUZZ_WORK"

"$ROOT/scripts/fuzz/build.sh" || exit 2
export BRIEF_FUZZ_NO_BUILD=1
failed=()
for target in "${TARGETS[@]}"; do
    rm -f "$WORK_ROOT/$target/last.tsv"
    if ! "$ROOT/scripts/fuzz/run.sh" "$target" "$seconds"; then failed+=("$target"); fi
done
. "$ROOT/scripts/fuzz/table.sh"
print_table "$WORK_ROOT" "${TARGETS[@]}"
echo "work folder: $WORK_ROOT"
if [ ${#failed[@]} -gt 0 ]; then
    echo "smoke: FAILED: ${failed[*]}"
    exit 1
fi
echo "smoke: all ${#TARGETS[@]} targets ran ${seconds}s without a finding"
