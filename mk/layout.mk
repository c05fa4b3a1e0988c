# Packed layouts (docs/developing.md "Streams between blocks"): scripts/layout.awk turns
# rtl/nicrx_streams.txt into rtl/nicrx_stream_<name>.vh and cmodel/streams.h.  The
# generated files are committed; make rewrites them when the table or the script changes,
# and tests/t_layout.sh fails when one differs from a fresh generation.
LAYOUT_AWK     := scripts/layout.awk
STREAM_TABLE   := rtl/nicrx_streams.txt
STREAM_NAMES   := $(shell awk '$$1 == "layout" { print $$2 }' $(STREAM_TABLE))
STREAM_OUTPUTS := $(STREAM_NAMES:%=rtl/nicrx_stream_%.vh) cmodel/streams.h

$(STREAM_OUTPUTS) &: $(STREAM_TABLE) $(LAYOUT_AWK)
	awk -f $(LAYOUT_AWK) $(STREAM_TABLE)

.PHONY: layouts
layouts: $(STREAM_OUTPUTS)
all: layouts
