# Packed layouts (docs/developing.md "Streams between blocks"): scripts/layout.awk turns
# rtl/nicrx_streams.txt into rtl/nicrx_stream_<name>.vh and cmodel/streams.h, and the block
# benches' trace lines, tests/blocks/traces.txt (which uses the streams), into
# tests/blocks/trace_<name>.vh and tests/blocks/traces.h.  The generated files are
# committed; make rewrites them when a table or the script changes, and tests/t_layout.sh
# fails when one differs from a fresh generation.
LAYOUT_AWK     := scripts/layout.awk
STREAM_TABLE   := rtl/nicrx_streams.txt
TRACE_TABLE    := tests/blocks/traces.txt
layout_names    = $(shell awk '$$1 == "layout" { print $$2 }' $(1))
TRACE_OUTPUTS  := $(patsubst %,tests/blocks/trace_%.vh,$(call layout_names,$(TRACE_TABLE))) tests/blocks/traces.h
STREAM_OUTPUTS := $(patsubst %,rtl/nicrx_stream_%.vh,$(call layout_names,$(STREAM_TABLE))) cmodel/streams.h

$(STREAM_OUTPUTS) &: $(STREAM_TABLE) $(LAYOUT_AWK)
	awk -f $(LAYOUT_AWK) $(STREAM_TABLE)

$(TRACE_OUTPUTS) &: $(STREAM_TABLE) $(TRACE_TABLE) $(LAYOUT_AWK)
	awk -f $(LAYOUT_AWK) $(STREAM_TABLE) $(TRACE_TABLE)

.PHONY: layouts
layouts: $(STREAM_OUTPUTS) $(TRACE_OUTPUTS)
all: layouts
