/* nicrx_asm.h - assembler and disassembler of the parser microcode.
 *
 * The language is described in docs/microcode.md, "Assembly language"; the
 * encoding is cmodel/nicrx_isa.h.  No global state: every call works on its
 * own arguments. */
#ifndef NICRX_ASM_H
#define NICRX_ASM_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "nicrx_isa.h"

/* An assembled program: n instructions, words[4*i .. 4*i+3] = w0..w3. */
typedef struct nicrx_asm_prog {
    uint32_t n;
    uint32_t words[NICRX_IMEM_MAX * NICRX_INSN_WORDS];
} nicrx_asm_prog_t;

/* Assembles the source file path (its .include files are found relative to
 * the including file's directory) for an instruction memory of depth
 * instructions (1..256).  Returns 0, or -1 with "FILE:LINE: reason" in err. */
int nicrx_asm_file(const char *path, uint32_t depth, nicrx_asm_prog_t *prog, char *err, size_t errlen);

/* The same for source text in memory; name is used in messages and as the
 * base of .include paths. */
int nicrx_asm_text(const char *name, const char *text, uint32_t depth, nicrx_asm_prog_t *prog, char *err,
                   size_t errlen);

/* Writes source that assembles back to exactly these n instructions. */
void nicrx_disasm(const uint32_t *words, uint32_t n, FILE *out);

/* Writes instruction pc of a program of n instructions as nicrx_disasm() does,
 * without label, indentation, comment or newline (branch targets are L<pc>). */
void nicrx_disasm_insn(const uint32_t *w, uint32_t pc, uint32_t n, FILE *out);

#endif
