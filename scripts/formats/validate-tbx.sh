#!/usr/bin/env bash
# Validates a TBX v3 file the way TBX-Basic.nvdl prescribes, with the schemas in
# ../shared/formats/tbx (override with TBX_SCHEMAS=DIR):
#   1. the whole file against TBXcoreStructV03.rng (xmllint); the NVDL attaches the min: and
#      basic: elements to the core section, where its DCT-extension patterns take them;
#   2. every min: / basic: element (an NVDL section) copied out as a standalone document and
#      validated against Min.rng / Basic.rng (xmllint); elements of any other namespace, and a
#      root outside the TBX namespace, are rejected as the NVDL's modes say;
#   3. TBX-Basic_DCT.sch, Basic.sch and Min.sch (XPath 2 Schematron) with schematron.py on
#      Saxon-HE (saxonche), in a throwaway venv (VENV, default /tmp/tbx-venv).
# Prints one line per problem, then "FILE: valid" (exit 0) or "FILE: N problems" (exit 1).
# Exit 2 when it cannot run (missing file, xmllint or schema, venv failure).
#
# Usage: scripts/formats/validate-tbx.sh FILE.tbx
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 FILE.tbx" >&2
    exit 2
fi
FILE=$1
HERE=$(cd "$(dirname "$0")" && pwd)
SCHEMAS=${TBX_SCHEMAS:-$HERE/../../../shared/formats/tbx}
VENV=${VENV:-/tmp/tbx-venv}
TBX_NS="urn:iso:std:iso:30042:ed-2"
MIN_NS="http://www.tbxinfo.net/ns/min"
BASIC_NS="http://www.tbxinfo.net/ns/basic"

[ -f "$FILE" ] || { echo "$0: no file $FILE" >&2; exit 2; }
command -v xmllint >/dev/null || { echo "$0: xmllint is not installed (apt-get install libxml2-utils)" >&2; exit 2; }
for schema in TBXcoreStructV03.rng Min.rng Basic.rng TBX-Basic_DCT.sch Basic.sch Min.sch; do
    [ -f "$SCHEMAS/$schema" ] || { echo "$0: no $SCHEMAS/$schema (set TBX_SCHEMAS)" >&2; exit 2; }
done

if ! "$VENV/bin/python" -c 'import saxonche' 2>/dev/null; then
    echo "$0: setting up $VENV with saxonche" >&2
    { python3 -m venv "$VENV" && "$VENV/bin/pip" install --quiet saxonche; } >&2 ||
        { echo "$0: could not set up $VENV" >&2; exit 2; }
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
problems=0

# Keeps xmllint's "FILE:LINE: ..." lines (not the source excerpts and carets under them),
# tagged with the schema, and counts them.
xmllint_lines() {  # tag errfile
    awk -v file="$FILE" -v tag="$1" '
        index($0, file ":") == 1 {
            rest = substr($0, length(file) + 2)
            if (match(rest, /^[0-9]+: /)) {
                line = substr(rest, 1, RLENGTH - 2); msg = substr(rest, RLENGTH + 1)
                sub(/Relax-NG validity error : /, "", msg)
                printf "%s:%s: [%s] %s\n", file, line, tag, msg
            }
        }' "$2"
}

# 0. Well-formedness: nothing else is worth running on a file that does not parse.
if ! xmllint --noout "$FILE" 2>"$TMP/wf"; then
    xmllint_lines "not well-formed" "$TMP/wf" >"$TMP/out"
    [ -s "$TMP/out" ] || echo "$FILE:0: [not well-formed] $(head -1 "$TMP/wf")" >"$TMP/out"
    cat "$TMP/out"
    echo "$FILE: $(wc -l <"$TMP/out") problems"
    exit 1
fi

# 1. TBX core structure.
xmllint --noout --relaxng "$SCHEMAS/TBXcoreStructV03.rng" "$FILE" 2>"$TMP/core"
status=$?
if [ $status -ne 0 ] && [ $status -ne 3 ]; then
    echo "$0: xmllint could not validate against TBXcoreStructV03.rng ($status):" >&2
    cat "$TMP/core" >&2
    exit 2
fi
xmllint_lines TBXcoreStructV03.rng "$TMP/core" >"$TMP/out1"
if [ $status -eq 3 ] && [ ! -s "$TMP/out1" ]; then
    echo "$FILE:0: [TBXcoreStructV03.rng] fails to validate" >"$TMP/out1"
fi

# 2. Module elements against Min.rng / Basic.rng (NVDL mode "RNG").
"$VENV/bin/python" "$HERE/schematron.py" sections "$FILE" --host "$TBX_NS" \
    "$MIN_NS=$SCHEMAS/Min.rng" "$BASIC_NS=$SCHEMAS/Basic.rng" >"$TMP/out2"
status=$?
[ $status -le 1 ] || exit 2

# 3. Schematron (NVDL mode "SCH": the module elements are attached, so the whole document).
"$VENV/bin/python" "$HERE/schematron.py" sch "$FILE" \
    "$SCHEMAS/TBX-Basic_DCT.sch" "$SCHEMAS/Basic.sch" "$SCHEMAS/Min.sch" >"$TMP/out3"
status=$?
[ $status -le 1 ] || exit 2

for out in "$TMP/out1" "$TMP/out2" "$TMP/out3"; do
    cat "$out"
    problems=$((problems + $(wc -l <"$out")))
done
if [ $problems -eq 0 ]; then
    echo "$FILE: valid"
    exit 0
fi
echo "$FILE: $problems problems"
exit 1
