/* reggen.h - the register map generator (nicrx-reggen): one description of the
 * AXI4-Lite registers (regs/nicrx.regs, syntax at its top) in, the RTL decode,
 * the C definitions, the model's decode table and the docs tables out.
 *
 * reggen.c reads and checks a description into an rg_map_t; reggen_emit.c
 * writes the outputs from it.  No global state. */
#ifndef NICRX_REGGEN_H
#define NICRX_REGGEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define RG_NAME  48     /* names, register and state */
#define RG_TEXT  96     /* expressions, input names */
#define RG_DOC   512    /* doc strings */
#define RG_MAX   256    /* of each kind of item */

/* Access of a field.  DB (doorbell) and WIN (window) store like RW; the label
 * says what the device does with the value. */
typedef enum { RG_RO, RG_RW, RG_W1C, RG_WP, RG_DB, RG_WIN } rg_access_t;

/* Where a field's read value comes from. */
typedef enum { RG_SRC_STATE, RG_SRC_VALUE, RG_SRC_IN } rg_src_t;

/* How many instances: rtl is the RTL expression (a number, a const or a
 * parameter), c_size the C array bound, value the index of the count in
 * rg_map_t.values (evaluated at run time by the model). */
typedef struct rg_count {
    char rtl[RG_NAME];
    char c_size[RG_NAME];
    int  value;
    uint32_t max;           /* largest possible count: addresses up to it are reserved */
} rg_count_t;

/* Storage: a register of `width` bits per instance, in the RTL <name>_reg. */
typedef struct rg_state {
    char name[RG_NAME];
    uint32_t width;
    rg_count_t count;
    uint64_t reset;
    uint64_t used;          /* bits some field maps */
    int pulse;              /* WP: back to 0 after one cycle */
    int load;               /* the device may load it (<name>_ld, <name>_ld_val) */
} rg_state_t;

typedef struct rg_field {
    char name[RG_NAME];     /* "" for a register's single implicit field */
    uint32_t hi, lo;
    rg_access_t acc;
    rg_src_t src;
    int state;              /* RG_SRC_STATE: index, and the field's lsb in the state */
    uint32_t slo;
    int value;              /* RG_SRC_VALUE: index in values */
    char in_rtl[RG_TEXT];   /* RG_SRC_IN: the RTL port and the C csr_status_t member */
    char in_c[RG_TEXT];
    int in_bits;            /* in_c names an array of one bit per element */
    uint64_t reset;
    int has_min;
    uint32_t min;
    int max;                /* value index of the upper clamp, -1 none */
    char doc[RG_DOC];
} rg_field_t;

typedef struct rg_reg {
    char name[RG_NAME];     /* full name: FBR_BASE_LO for BASE_LO in group FBR */
    char short_name[RG_NAME];
    int group;              /* -1: not in a group */
    uint32_t base, stride;  /* instance i at base + i * stride */
    int array;              /* has an index (group or count=) */
    rg_count_t count;
    char var[8];
    int strobe;
    int first, nfields;
    char owner[RG_NAME];
    char doc[RG_DOC];
    int section;
    int counters;           /* the counter array */
    int line;
} rg_reg_t;

typedef struct rg_group {
    char name[RG_NAME];
    uint32_t base, stride;
    rg_count_t count;
    char var[8];
    char owner[RG_NAME];
    char doc[RG_DOC];
    int section;
    int line;
} rg_group_t;

typedef struct rg_named {   /* params, consts, counters, sections */
    char name[RG_NAME];
    uint32_t value;         /* consts */
    char owner[RG_NAME];    /* counters */
    char doc[RG_DOC];
} rg_named_t;

typedef struct rg_map {
    char path[RG_TEXT * 2];
    rg_named_t params[RG_MAX], consts[RG_MAX], counters[RG_MAX], sections[RG_MAX];
    int nparams, nconsts, ncounters, nsections;
    rg_state_t states[RG_MAX];
    int nstates;
    rg_field_t fields[RG_MAX * 2];
    int nfields;
    rg_reg_t regs[RG_MAX];
    int nregs;
    rg_group_t groups[RG_MAX];
    int ngroups;
    char values[RG_MAX][RG_TEXT];   /* distinct expressions the model evaluates */
    int nvalues;
    int counter_reg;                /* index of the counter array, -1 none */
} rg_map_t;

/* Reads and checks the description at path.  Returns 0, or -1 with
 * "FILE:LINE: reason" (or "FILE: reason") in err. */
int rg_read(const char *path, rg_map_t *m, char *err, size_t errlen);

/* The outputs (reggen_emit.c). */
void rg_emit_vh_defs(const rg_map_t *m, FILE *out);     /* rtl/nicrx_regs.vh */
void rg_emit_vh_top(const rg_map_t *m, FILE *out);      /* rtl/nicrx_counters.vh */
void rg_emit_vh_csr(const rg_map_t *m, FILE *out);      /* rtl/nicrx_csr_regs.vh */
void rg_emit_c_hw(const rg_map_t *m, FILE *out);        /* cmodel/nicrx_regs.h */
void rg_emit_c_regs(const rg_map_t *m, FILE *out);      /* cmodel/csr_regs.h */
void rg_emit_c_map(const rg_map_t *m, FILE *out);       /* cmodel/csr_map.h */
/* docs: the text of docs/registers.md with every table between
 * "<!-- reggen begin NAME -->" and "<!-- reggen end NAME -->" generated. */
int rg_emit_docs(const rg_map_t *m, const char *text, FILE *out, char *err, size_t errlen);

#endif
