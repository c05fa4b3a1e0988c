/* test_model.c - the public API around the parser: parameter checks of
 * PARSE_ENGINES and IMEM_DEPTH, nicrx_model_load_program, and the parser
 * registers of a fresh model. */
#include <stdint.h>
#include <string.h>
#include "check.h"
#include "nicrx_isa.h"
#include "nicrx_model.h"

int main(void)
{
    nicrx_params_t p;
    nicrx_model_t *m;
    static uint32_t prog[257 * NICRX_INSN_WORDS];
    static const struct { uint32_t ne, depth; int ok; } c[] = {
        { 1, 16, 1 }, { 2, 256, 1 }, { 2, 64, 1 }, { 0, 64, 0 }, { 3, 64, 0 },
        { 2, 8, 0 }, { 2, 48, 0 }, { 2, 512, 0 },
    };

    for (unsigned k = 0; k < sizeof c / sizeof c[0]; k++) {
        nicrx_params_default(&p);
        p.parse_engines = c[k].ne;
        p.imem_depth = c[k].depth;
        CHECK((nicrx_params_check(&p) == NULL) == c[k].ok, "model-params PARSE_ENGINES=%u IMEM_DEPTH=%u %s",
              c[k].ne, c[k].depth, c[k].ok ? "accepted" : "rejected");
    }
    nicrx_params_default(&p);
    CHECK(p.parse_engines == 2 && p.imem_depth == 64, "model-params-defaults");
    m = nicrx_model_new(&p);
    CHECK(m != NULL, "model-new-with-default-program");
    if (!m)
        return 0;
    CHECK(nicrx_model_peek_reg(m, NICRX_REG_PARSER_CTRL) == NICRX_PARSER_STEP_LIMIT_RESET &&
          nicrx_model_peek_reg(m, NICRX_REG_PARSER_STATUS) == (1u << 4 | 64u << 8) &&
          nicrx_model_peek_reg(m, NICRX_REG_CNT(NICRX_CNT_PARSE_ERROR)) == 0 &&
          nicrx_model_peek_reg(m, NICRX_REG_CNT(NICRX_CNT_PARSE_TRUNC)) == 0, "model-parser-registers-at-start");
    memset(prog, 0, sizeof prog);
    CHECK(nicrx_model_load_program(m, prog, 64) == 0 && nicrx_model_load_program(m, prog, 1) == 0,
          "model-load-program-fits");
    CHECK(nicrx_model_load_program(m, prog, 65) != 0, "model-load-program-too-long");
    nicrx_model_free(m);
    p.imem_depth = 16; /* the default program does not fit: the model starts without one */
    m = nicrx_model_new(&p);
    CHECK(m != NULL && nicrx_model_load_program(m, prog, 16) == 0, "model-new-imem-depth-16");
    nicrx_model_free(m);
    return 0;
}
