# print_table WORK TARGET...: the summary table of the last run of each target (sourced).
print_table() {
    local work="$1" target line
    shift
    printf '\n%-13s %8s %12s %9s %7s %8s %14s %8s  %s\n' target seconds executions exec/s cov ft corpus "rss MB" result
    for target in "$@"; do
        line="$work/$target/last.tsv"
        if [ -f "$line" ]; then
            IFS=$'\t' read -r t s e p c f corp rss result <"$line"
            printf '%-13s %8s %12s %9s %7s %8s %14s %8s  %s\n' "$t" "$s" "$e" "$p" "$c" "$f" "$corp" "$rss" "$result"
        else
            printf '%-13s %8s %12s %9s %7s %8s %14s %8s  %s\n' "$target" - - - - - - - "not run (build or setup failed)"
        fi
    done
}
