# make install PREFIX=DIR: libnicrx (the model and the host driver: lib/libnicrx.a), its
# public headers (include/nicrx/), a pkg-config file (lib/pkgconfig/nicrx.pc), the tools
# (bin/: nicrx-model, nicrx-asm, nicrx-gen, nicrx-sim, which runs the simulators of this
# build tree) and their man pages (share/man/man1/, from each tool's --help and --version:
# scripts/manpage.sh).  tests/t_install.sh checks it.
PREFIX ?= /usr/local
INSTALL_TOOLS := nicrx-model nicrx-sim nicrx-asm nicrx-gen
MAN_DESC_nicrx-model := the nicrx C model on a capture
MAN_DESC_nicrx-sim := the nicrx RTL and C model in lockstep on a capture
MAN_DESC_nicrx-asm := assembler of nicrx parser programs
MAN_DESC_nicrx-gen := synthetic captures for nicrx
MAN_DIR := $(BUILD)/man

$(MAN_DIR)/%.1: $(BIN)/% scripts/manpage.sh
	@mkdir -p $(dir $@)
	bash scripts/manpage.sh $< "$(MAN_DESC_$*)" > $@

.PHONY: install
install: $(MODEL_LIB) $(INSTALL_TOOLS:%=$(BIN)/%) $(INSTALL_TOOLS:%=$(MAN_DIR)/%.1)
	install -d $(PREFIX)/bin $(PREFIX)/lib/pkgconfig $(PREFIX)/include/nicrx $(PREFIX)/share/man/man1
	install -m 644 $(MODEL_LIB) $(PREFIX)/lib/
	install -m 644 $(MODEL_HDRS) $(PREFIX)/include/nicrx/
	install -m 755 $(INSTALL_TOOLS:%=$(BIN)/%) $(PREFIX)/bin/
	install -m 644 $(INSTALL_TOOLS:%=$(MAN_DIR)/%.1) $(PREFIX)/share/man/man1/
	printf 'prefix=%s\nlibdir=$${prefix}/lib\nincludedir=$${prefix}/include/nicrx\n\nName: nicrx\nDescription: %s\nVersion: %s\nLibs: -L$${libdir} -lnicrx\nCflags: -I$${includedir}\n' \
	    "$(abspath $(PREFIX))" "the nicrx C model and host driver (libnicrx)" \
	    "$$($(BIN)/nicrx-model --version | sed 's/.* //')" > $(PREFIX)/lib/pkgconfig/nicrx.pc
