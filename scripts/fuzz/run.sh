#!/usr/bin/env bash
# Fuzzes one parser:   scripts/fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
#
# Builds the harness if a source is newer than it (BRIEF_FUZZ_NO_BUILD=1 skips that), makes the
# seed corpus, runs libFuzzer (one fuzzing process at a time), and ends with executions and
# coverage. The work folder ($BRIEF_FUZZ_WORK, default /tmp/brief-fuzz) keeps per target:
# corpus/ (grows run after run), seeds/ (remade each run), artifacts/ (crash-, leak-, timeout-,
# oom- inputs, and minimized-* copies), logs/, last.tsv (the summary line smoke/campaign print).
#
# By default the run stops at the first finding. BRIEF_FUZZ_KEEP_GOING=1 runs libFuzzer with
# -fork=1 (still one fuzzing process at a time) and -ignore_crashes/-ignore_timeouts/-ignore_ooms,
# so a long run collects every finding instead of stopping at the first.
# Other settings: BRIEF_FUZZ_TIMEOUT (seconds an input may take, default 1; CI's smoke allows 5),
# BRIEF_FUZZ_MINIMIZE=0 (do not minimize findings), BRIEF_FUZZ_MINIMIZE_SECONDS
# (60), BRIEF_EVAL_DIR (the evaluation data, default ../shared/eval), BRIEF_DATA_DIR.
#
# Exit status: 0 when the time ran out with no finding; non-zero on any crash, leak, timeout or
# OOM (2 for a usage, build or set-up problem).
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
rm -f "$work/last.tsv"
python3 "$ROOT/scripts/fuzz/seeds.py" "$target" "$work/seeds" "$max_len" >&2 || exit 2

options=(-max_total_time="$seconds" -timeout="${BRIEF_FUZZ_TIMEOUT:-1}" -rss_limit_mb=2048 -malloc_limit_mb=2048 -max_len="$max_len"
         -print_final_stats=1 -artifact_prefix="$work/artifacts/")
[ -f "$FUZZ/dicts/$target.dict" ] && options+=(-dict="$FUZZ/dicts/$target.dict")
keep_going="${BRIEF_FUZZ_KEEP_GOING:-0}"
[ "$keep_going" = 1 ] && options+=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
log="$work/logs/$(date +%Y%m%d-%H%M%S).log"
marker="$work/logs/.start"
touch "$marker"
sleep 1  # the artifacts of this run are the files newer than the marker

echo "run: $target for ${seconds}s, max_len $max_len$([ "$keep_going" = 1 ] && echo ", keep going"), log $log" >&2
started=$(date +%s)
BRIEF_FUZZ_TARGET="$target" "$BIN" "${options[@]}" "$@" "$work/corpus" "$work/seeds" >"$log" 2>&1
status=$?
elapsed=$(( $(date +%s) - started ))

if grep -q "^brief-fuzz: " "$log" && ! grep -q "cov:" "$log"; then
    echo "----- $target: the harness did not start -----"
    cat "$log"
    printf '%s\t%s\t0\t0\t0\t0\t-\t-\tset-up failed\n' "$target" "$seconds" >"$work/last.tsv"
    exit 2
fi

demangle() {  # FILE: Swift names in a sanitizer report made readable, in place
    if [ -x "$SWIFT_BIN/swift-demangle" ]; then
        "$SWIFT_BIN/swift-demangle" --simplified <"$1" >"$1.tmp" && mv "$1.tmp" "$1"
    fi
}
kind_of() {  # FILE: the kind of finding a report shows
    local trap
    trap=$(grep -m1 -o "Swift runtime failure: [^/]*" "$1" | sed 's/ *$//; s/^Swift runtime failure: //')
    if grep -q "ERROR: libFuzzer: timeout" "$1"; then echo timeout
    elif grep -q "ERROR: libFuzzer: out-of-memory\|ERROR: libFuzzer: malloc(" "$1"; then echo oom
    elif grep -q "ERROR: LeakSanitizer" "$1"; then echo leak
    elif [ -n "$trap" ]; then echo "crash: $trap"
    elif grep -q "Fatal error: " "$1"; then echo "crash: $(grep -m1 -o "Fatal error: .*" "$1" | cut -c14-110)"
    elif grep -q "ERROR: AddressSanitizer: " "$1"; then echo "asan: $(grep -m1 -o "ERROR: AddressSanitizer: [A-Za-z-]*" "$1" | sed 's/.*: //')"
    elif grep -q "ERROR: libFuzzer: deadly signal" "$1"; then echo "crash: deadly signal"
    else echo "not reproduced"
    fi
}

# What was found. Each new input saved is replayed alone (in fork mode the fuzzing log does not
# hold the reports); findings are told apart by kind and first frame in brief's sources.
artifacts=$(find "$work/artifacts" -maxdepth 1 -type f -newer "$marker" ! -name 'minimized-*' | sort)
declare -A first_of=()
signatures=()
replayed=0
for artifact in $artifacts; do
    replayed=$((replayed + 1))
    [ "$replayed" -gt "${BRIEF_FUZZ_MAX_REPLAYS:-40}" ] && break
    report="$work/logs/$(basename "$artifact").report"
    BRIEF_FUZZ_TARGET="$target" "$BIN" -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 "$artifact" >"$report" 2>&1
    demangle "$report"
    where=$(grep -E "^ +#[0-9]+ " "$report" | grep -m1 -o "/Sources/[A-Za-z_-]*/[A-Za-z0-9_+]*\.swift:[0-9]*" | sed 's|^/Sources/||')
    signature="$(kind_of "$report") at ${where:-?}"
    if [ -z "${first_of[$signature]:-}" ]; then
        first_of[$signature]="$artifact"
        signatures+=("$signature")
    elif [ "$(wc -c <"$artifact")" -lt "$(wc -c <"${first_of[$signature]}")" ]; then
        first_of[$signature]="$artifact"  # the smallest input of each finding
    fi
done
kinds=$(for signature in "${signatures[@]}"; do echo "$signature"; done)
if [ -z "$kinds" ] && [ "$status" -ne 0 ]; then
    kinds="failed (exit $status): $(grep -m1 -E "ERROR: |Fatal error" "$log" || echo "see $log")"
fi
result=ok
[ -n "$kinds" ] && result=$(paste -sd ';' <<<"$kinds" | sed 's/;/; /g')

# Executions and coverage from the last status line ("#N ... cov: C ft: F corp: …", or in fork
# mode "#N: cov: C ft: F corp: K …").
last_status=$(grep -E "^#[0-9]+:?[[:space:]]" "$log" | grep " cov: " | tail -1)
execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last_status"); execs=${execs:-0}
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last_status"); cov=${cov:-0}
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last_status"); ft=${ft:-0}
corp=$(sed -n 's/.* corp: \([0-9]*\(\/[0-9A-Za-z]*\)\?\).*/\1/p' <<<"$last_status")
stat() { grep -m1 "^stat::$1:" "$log" | awk '{print $2}'; }
per_second=$(stat average_exec_per_sec)
[ -z "$per_second" ] && per_second=$(( execs / (elapsed > 0 ? elapsed : 1) ))
rss=$(grep -o "rss: [0-9]*Mb" "$log" | sed 's/rss: //; s/Mb//' | sort -n | tail -1)
[ -z "$rss" ] && rss=$(stat peak_rss_mb)

echo "----- $target: last status line -----"
echo "${last_status:-none}"
grep "^stat::" "$log" | sort -u

if [ "$result" != ok ]; then
    echo "----- $target: findings (exit $status; $(wc -w <<<"$artifacts") inputs saved) -----"
    for signature in "${signatures[@]}"; do
        artifact="${first_of[$signature]}"
        report="$work/logs/$(basename "$artifact").report"
        echo "## $signature"
        echo "input: $artifact ($(wc -c <"$artifact") bytes); report: $report"
        grep -m1 -E "^SUMMARY" "$report"
        grep -m12 -E "^ +#[0-9]+ " "$report" | grep -v "/compiler-rt/\|libFuzzer\|in briefFuzzMain\|in fuzzerTestOneInput" | head -8
        if [ "${BRIEF_FUZZ_MINIMIZE:-1}" = 1 ]; then
            minimized="$work/artifacts/minimized-$(basename "$artifact")"
            BRIEF_FUZZ_TARGET="$target" "$BIN" -minimize_crash=1 -max_total_time="${BRIEF_FUZZ_MINIMIZE_SECONDS:-60}" \
                -timeout=1 -rss_limit_mb=2048 -malloc_limit_mb=2048 -exact_artifact_path="$minimized" "$artifact" \
                >"$work/logs/$(basename "$artifact").minimize" 2>&1
            [ -f "$minimized" ] && echo "minimized: $minimized ($(wc -c <"$minimized") bytes)"
        fi
    done
    [ -z "$artifacts" ] && { echo "no input saved; the log:"; grep -m5 -E "ERROR|Fatal|SUMMARY" "$log"; }
fi

printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$seconds" "$execs" "$per_second" "$cov" "$ft" "${corp:--}" \
    "${rss:--}" "$result" >"$work/last.tsv"
echo "===== $target: $result; $execs executions ($per_second/s), cov $cov, ft $ft, corpus ${corp:--}, peak RSS ${rss:--} MB"
[ "$result" = ok ] && exit 0
[ "$status" -ne 0 ] && exit "$status"
exit 1
