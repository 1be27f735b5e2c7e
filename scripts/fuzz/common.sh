# Shared settings of the fuzz scripts (sourced, not run). See Fuzz/README.md.

export LC_ALL=C.UTF-8
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FUZZ="$ROOT/Fuzz"
BIN="$FUZZ/.build/release/brief-fuzz"
LOCK=/tmp/brief-swift-build.lock
# Corpora, logs and crash inputs live outside the repository (or set BRIEF_FUZZ_WORK).
WORK_ROOT="${BRIEF_FUZZ_WORK:-/tmp/brief-fuzz}"

# Swift is in /opt/swift/usr/bin on this project's machines; a bare PATH may lack it.
if ! command -v swift >/dev/null 2>&1; then
    for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        [ -x "$dir/swift" ] && PATH="$PATH:$dir" && break
    done
fi
export PATH
SWIFT_BIN="$(dirname "$(command -v swift 2>/dev/null || echo /opt/swift/usr/bin/swift)")"

# Every target, in the order smoke and campaign run them, with its largest input in bytes:
# each input must be done in well under the 1 s timeout under ASan. repair and pipeline stay at
# 4 KB (a short article): their line-layout search costs ~35 ms per 16 KB input under coverage
# instrumentation, and a million executions at that size would take eight hours a target.
TARGETS=(decode repair analyze head byline jsonl glossary-txt tbx tsv csv config acronyms html copied dates pipeline)
max_len_for() {
    case "$1" in
        decode) echo 16384 ;;
        repair) echo 4096 ;;
        analyze) echo 8192 ;;
        head|byline) echo 4096 ;;
        jsonl) echo 8192 ;;
        glossary-txt|tbx) echo 16384 ;;
        tsv|csv) echo 8192 ;;
        config) echo 2048 ;;
        acronyms) echo 8192 ;;
        html) echo 65536 ;;
        copied) echo 16384 ;;
        dates) echo 2048 ;;
        pipeline) echo 4096 ;;
        selftest) echo 64 ;;
        *) return 1 ;;
    esac
}

# "selftest" (not in TARGETS) checks the scripts themselves: run.sh selftest 60 must fail.
is_target() {
    local t
    [ "$1" = selftest ] && return 0
    for t in "${TARGETS[@]}"; do [ "$t" = "$1" ] && return 0; done
    return 1
}

# The sanitizers: leaks count as failures; reports symbolized with the toolchain's symbolizer.
export ASAN_OPTIONS="detect_leaks=1:symbolize=1:handle_abort=1:handle_sigill=1:allocator_may_return_null=0:detect_stack_use_after_return=0:print_summary=1${BRIEF_FUZZ_ASAN_EXTRA:+:$BRIEF_FUZZ_ASAN_EXTRA}"
# Known false positives of the Swift runtime libraries (see the file).
export LSAN_OPTIONS="suppressions=$FUZZ/lsan.supp:print_suppressions=0"
[ -x "$SWIFT_BIN/llvm-symbolizer" ] && export ASAN_SYMBOLIZER_PATH="$SWIFT_BIN/llvm-symbolizer"
export BRIEF_DATA_DIR="${BRIEF_DATA_DIR:-$ROOT}"
