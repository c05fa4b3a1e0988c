/* imem.h - twin of rtl/nicrx_imem.v: the parser's instruction memory, two
 * banks of IMEM_DEPTH instructions (docs/microcode.md "Loading and switching
 * programs").  Every engine has its own copy in the RTL, all written together,
 * so the model keeps one.  Also declares the default program the build
 * generates from microcode/default.nasm (build/gen/default_prog.c). */
#ifndef NICRX_IMEM_H
#define NICRX_IMEM_H

#include <stdint.h>
#include "nicrx_isa.h"

extern const uint32_t nicrx_default_program[];     /* n x NICRX_INSN_WORDS words */
extern const uint32_t nicrx_default_program_insns; /* n */

typedef struct imem {
    uint32_t depth;                                      /* IMEM_DEPTH */
    uint32_t mem[2][NICRX_IMEM_MAX][NICRX_INSN_WORDS];   /* [bank][index][word] */
} imem_t;

void imem_init(imem_t *m, uint32_t depth);
/* Configuration: both banks hold the program, the rest 0.  -1 if it is too long. */
int imem_load(imem_t *m, const uint32_t *words, uint32_t n_insn);
/* The instruction at pc (mod IMEM_DEPTH) of a bank. */
const uint32_t *imem_read(const imem_t *m, uint32_t bank, uint32_t pc);
/* One edge: with we, data is written at addr mod IMEM_DEPTH of bank. */
void imem_step(imem_t *m, uint8_t we, uint32_t bank, uint32_t addr, const uint32_t data[NICRX_INSN_WORDS]);

#endif
