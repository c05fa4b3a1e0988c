#!/usr/bin/env bash
# manpage.sh TOOL DESCRIPTION: a man page (section 1) for a nicrx tool, written from the
# tool's own --help and --version, so the page and the program never disagree.
set -u
tool=$1 desc=$2
name=${tool##*/}
help=$("$tool" --help 2>&1) || true
version=$("$tool" --version 2>&1 | head -1)
[ -n "$help" ] && [ -n "$version" ] || { echo "manpage.sh: $tool gives no --help or --version" >&2; exit 1; }
# roff: a leading dot or quote would be a request, a backslash an escape
esc() { sed -e 's/\\/\\e/g' -e "s/^\\([.']\\)/\\\\\\&\\1/"; }
printf '.TH %s 1 "" "%s" "nicrx"\n' "$(tr a-z A-Z <<<"$name")" "$version"
printf '.SH NAME\n%s \\- %s\n' "$name" "$desc"
printf '.SH SYNOPSIS\n.nf\n'
grep -E '^(usage: |       '"$name"' )' <<<"$help" | sed 's/^usage: //; s/^       //' | esc
printf '.fi\n.SH DESCRIPTION\n.nf\n'
grep -vE '^(usage: |       '"$name"' )' <<<"$help" | esc
printf '.fi\n.SH SEE ALSO\nThe nicrx documentation: README.md and docs/ in the source tree;\n'
printf '.BR nicrx-model (1),\n.BR nicrx-sim (1),\n.BR nicrx-asm (1),\n.BR nicrx-gen (1).\n'
