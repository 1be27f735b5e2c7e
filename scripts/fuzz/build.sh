#!/usr/bin/env bash
# Builds the fuzzing harness (Fuzz/, a package of its own) with libFuzzer and AddressSanitizer:
#   scripts/fuzz/build.sh
# The build holds /tmp/brief-swift-build.lock (never two Swift builds at once on this machine).
set -euo pipefail
. "$(dirname "$0")/common.sh"

flags=(
    -c release --scratch-path "$FUZZ/.build"
    # Swift code: coverage instrumentation + ASan; libFuzzer supplies main (see BriefFuzz.swift).
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
    # Internal parsers reachable with @testable import.
    -Xswiftc -enable-testing
    # The C target (ICUBridge) instrumented too, without a second libFuzzer main.
    -Xcc -fsanitize=fuzzer-no-link,address
)
echo "build: swift build --package-path Fuzz ${flags[*]}" >&2
# ld.gold warns once per ASan helper symbol ("Cannot export local symbol"): noise, dropped.
set +e
flock "$LOCK" swift build --package-path "$FUZZ" "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    echo "build: failed (exit $status)" >&2
    exit "$status"
fi
echo "build: $BIN" >&2
