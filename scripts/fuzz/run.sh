#!/usr/bin/env bash
# Fuzzes one parser:   scripts/fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
#
# Builds the harness if a source is newer than it (BRIEF_FUZZ_NO_BUILD=1 skips that), makes the
# seed corpus, runs libFuzzer (one process), and ends with executions and coverage. The work
# folder ($BRIEF_FUZZ_WORK, default /tmp/brief-fuzz) keeps per target: corpus/ (grows run after
# run), seeds/, artifacts/ (crash-, leak-, timeout-, oom- inputs, and minimized-* copies), logs/.
# Exit status: 0 when the time ran out with no finding; non-zero on any crash, leak, timeout or
# OOM (and 2 for a usage or build problem).
set -uo pipefail
. "$(dirname "$0")/common.sh"

if [ $# -lt 2 ] || ! is_target "$1" || ! [[ "$2" =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/fuzz/run.sh TARGET SECONDS [libFuzzer flags]" >&2
    echo "targets: ${TARGETS[*]}" >&2
    exit 2
fi
target="$1"
seconds="$2"
shift 2
max_len="$(max_len_for "$target")"

# Build when needed.
if [ "${BRIEF_FUZZ_NO_BUILD:-0}" = 1 ] && [ -x "$BIN" ]; then
    :
elif [ ! -x "$BIN" ] || [ -n "$(find "$ROOT/Sources" "$ROOT/Package.swift" "$FUZZ/Sources" "$FUZZ/Package.swift" \
        -newer "$BIN" -print -quit 2>/dev/null)" ]; then
    "$ROOT/scripts/fuzz/build.sh" || exit 2
fi

work="$WORK_ROOT/$target"
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts" "$work/logs"
python3 "$ROOT/scripts/fuzz/seeds.py" "$target" "$work/seeds" "$max_len" >&2 || exit 2

dict=()
[ -f "$FUZZ/dicts/$target.dict" ] && dict=(-dict="$FUZZ/dicts/$target.dict")
log="$work/logs/$(date +%Y%m%d-%H%M%S).log"
marker="$work/logs/.start"
touch "$marker"
sleep 1  # artifacts of this run are the ones newer than the marker

echo "run: $target for ${seconds}s, max_len $max_len, log $log" >&2
BRIEF_FUZZ_TARGET="$target" "$BIN" \
    -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$max_len" \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" "$@" \
    "$work/corpus" "$work/seeds" >"$log" 2>&1
status=$?

# What happened.
artifacts=$(find "$work/artifacts" -maxdepth 1 -type f -newer "$marker" ! -name 'minimized-*' | sort)
result=ok
if grep -q "ERROR: libFuzzer: timeout" "$log"; then result=timeout
elif grep -q "ERROR: libFuzzer: out-of-memory\|ERROR: libFuzzer: malloc(" "$log"; then result=oom
elif grep -q "ERROR: LeakSanitizer" "$log"; then result=leak
elif grep -q "ERROR: AddressSanitizer" "$log"; then
    result="asan-$(grep -m1 -o "ERROR: AddressSanitizer: [a-z-]*" "$log" | sed 's/.*: //')"
elif grep -q "ERROR: libFuzzer: deadly signal\|Fatal error:" "$log"; then result=crash
elif [ "$status" -ne 0 ] || [ -n "$artifacts" ]; then result="failed-exit-$status"
fi

last_status=$(grep -E "^#[0-9]+" "$log" | grep "cov:" | tail -1)
stat() { grep -m1 "^stat::$1:" "$log" | awk '{print $2}'; }
execs=$(stat number_of_executed_units); execs=${execs:-0}
per_second=$(stat average_exec_per_sec); per_second=${per_second:-0}
rss=$(stat peak_rss_mb)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last_status"); cov=${cov:-0}
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last_status"); ft=${ft:-0}
corp=$(sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p' <<<"$last_status")

echo "----- $target: last status line -----"
echo "${last_status:-none}"
grep "^stat::" "$log"

if [ "$result" != ok ]; then
    echo "----- $target: $result (exit $status) -----"
    # The report, Swift names demangled.
    demangled="$log.demangled"
    if [ -x "$SWIFT_BIN/swift-demangle" ]; then "$SWIFT_BIN/swift-demangle" --simplified <"$log" >"$demangled"; else cp "$log" "$demangled"; fi
    grep -m3 -E "Fatal error|ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer)|SUMMARY" "$demangled"
    grep -m14 -E "^ +#[0-9]+ " "$demangled"
    for artifact in $artifacts; do
        echo "artifact: $artifact"
        if [ "${BRIEF_FUZZ_MINIMIZE:-1}" = 1 ]; then
            minimized="$work/artifacts/minimized-$(basename "$artifact")"
            BRIEF_FUZZ_TARGET="$target" "$BIN" -minimize_crash=1 -max_total_time="${BRIEF_FUZZ_MINIMIZE_SECONDS:-60}" \
                -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 -exact_artifact_path="$minimized" "$artifact" \
                >"$log.minimize" 2>&1
            [ -f "$minimized" ] && echo "minimized: $minimized ($(wc -c <"$minimized") bytes, from $(wc -c <"$artifact"))"
        fi
    done
fi

printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "$execs" "$per_second" "$cov" "$ft" "${corp:--}" \
    "${rss:--}" "$result" >"$work/last.tsv"
echo "===== $target: $result; $execs executions ($per_second/s), cov $cov, ft $ft, corpus ${corp:--}, peak RSS ${rss:--} MB"
[ "$result" = ok ] && exit 0
[ "$status" -ne 0 ] && exit "$status"
exit 1
