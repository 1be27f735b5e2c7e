#!/usr/bin/env bash
# Every fuzz target for long:   scripts/fuzz/campaign.sh [SECONDS_PER_TARGET] [TARGET...]
# Default 600 s a target, all targets, one after another; the corpora grow in the work folder
# ($BRIEF_FUZZ_WORK, default /tmp/brief-fuzz) from run to run. Ends with a table of executions,
# coverage and result per target; exits non-zero if any target found something. Runs keep going
# after a finding (BRIEF_FUZZ_KEEP_GOING=0 stops at the first, as smoke.sh does).
set -uo pipefail
. "$(dirname "$0")/common.sh"
seconds="${1:-600}"
[ $# -gt 0 ] && shift
chosen=("$@")
[ ${#chosen[@]} -eq 0 ] && chosen=("${TARGETS[@]}")
for target in "${chosen[@]}"; do is_target "$target" || { echo "unknown target $target (${TARGETS[*]})" >&2; exit 2; }; done

"$ROOT/scripts/fuzz/build.sh" || exit 2
export BRIEF_FUZZ_NO_BUILD=1
# Collect every finding of a target, not only the first (libFuzzer -fork=1: one process at a time).
export BRIEF_FUZZ_KEEP_GOING="${BRIEF_FUZZ_KEEP_GOING:-1}"
failed=()
for target in "${chosen[@]}"; do
    rm -f "$WORK_ROOT/$target/last.tsv"
    if ! "$ROOT/scripts/fuzz/run.sh" "$target" "$seconds"; then failed+=("$target"); fi
done
. "$ROOT/scripts/fuzz/table.sh"
print_table "$WORK_ROOT" "${chosen[@]}"
echo "work folder: $WORK_ROOT (artifacts in <target>/artifacts/)"
[ ${#failed[@]} -gt 0 ] && { echo "campaign: findings in: ${failed[*]}"; exit 1; }
echo "campaign: no findings"
