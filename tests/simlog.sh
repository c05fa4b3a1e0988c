# simlog.sh, sourced by the tests that run nicrx-sim or nicrx-model.
# sim_reason LOG: why a run failed, for its "not ok" line: the tool's first message without
# its "nicrx-TOOL: " prefix, or else the log's last line (the report's FAIL verdict).
# Exported, so the tests' xargs workers have it too.
sim_reason() {
    local why
    why=$(grep -m1 '^nicrx-[a-z0-9-]*: ' <<<"$1")
    [ -n "$why" ] || why=$(tail -1 <<<"$1")
    echo "${why#nicrx-*: }"
}
export -f sim_reason
