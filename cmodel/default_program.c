/* default_program.c - the default parser program for users of the library
 * (nicrx_model.h): the image build/gen/default_prog.c holds, assembled from
 * microcode/default.nasm, which nicrx_model_new loads. */
#include "imem.h"
#include "nicrx_model.h"

const uint32_t *nicrx_default_program_words(uint32_t *n_insn)
{
    *n_insn = nicrx_default_program_insns;
    return nicrx_default_program;
}
