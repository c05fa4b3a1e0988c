/* asm.c - the parser microcode assembler and disassembler (nicrx_asm.h).
 *
 * Pass 1 reads the source line by line (following .include), defines
 * constants, fields and labels, and turns each instruction line into a
 * decoded instruction whose branch targets are still names.  Pass 2 resolves
 * the targets and encodes with nicrx_insn_encode(), the single definition of
 * the bit layout.  The first error stops the assembly. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "nicrx_asm.h"

#define NAME_LEN      48u
#define MAX_SYMS      1024u
#define MAX_FILES     32u
#define MAX_INCLUDE   8u
#define MAX_COND      16u
#define MAX_TOKENS    64u
#define PATH_LEN      512u

enum sym_kind { SYM_EQU, SYM_FIELD, SYM_LABEL };

typedef struct sym {
    char     name[NAME_LEN];
    uint8_t  kind;
    int64_t  value;           /* constant, or the label's instruction index */
    uint8_t  base, off, size; /* field */
    uint32_t file, line;      /* where it was defined */
} sym_t;

typedef struct rec {
    nicrx_insn_t in;
    char     tgt[2][NAME_LEN]; /* then, else: "" = the next instruction */
    uint8_t  is_raw;
    uint32_t raw[NICRX_INSN_WORDS];
    uint32_t file, line;
} rec_t;

/* An open .ifdef/.ifndef: whether its lines (then those after .else) count. */
typedef struct cond {
    uint8_t  outer;            /* the lines around it count */
    uint8_t  taken;            /* its test held: the lines before .else count */
    uint8_t  in_else;          /* past its .else */
    uint8_t  ndef;             /* .ifndef */
    uint32_t file, line;
} cond_t;

typedef struct ctx {
    uint32_t depth, n, nsyms, nfiles, incl;
    uint32_t ncond, cond_base; /* open conditionals; those opened in the file being read start at cond_base */
    cond_t   cond[MAX_COND];
    uint32_t file, line;       /* position of the line being read */
    uint32_t lines;            /* lines of the main file, for errors at its end */
    sym_t    syms[MAX_SYMS];
    rec_t    recs[NICRX_IMEM_MAX];
    char     files[MAX_FILES][PATH_LEN];
    char    *err;
    size_t   errlen;
} ctx_t;

static const char *const base_names[4] = { "cur", "l3", "l4", "abs" };
static const char *const rel_names[8] = { "always", "eq", "ne", "lt", "gt", "le", "ge", "any" };
static const char *const save_names[4] = { "", "l3", "l4", "both" };
static const char *const dst_names[NICRX_NUM_DST] = {
    "", "vlan", "proto", "frag", "iplen", "addr4", "src_hi", "src_lo", "dst_hi", "dst_lo",
    "ports", "ports_seq", "seq", "ack", "ack_flags", "tcp_flags"
};
static const char *const cls_names[NICRX_NUM_CLASS] = {
    "ipv4", "ipv6", "tcp", "udp", "l4other", "presel", "ctrl", "noassist", "session", "perr"
};
static const char *const keywords[] = {
    "read", "byte", "mask", "test", "store", "storeval", "shr", "shl", "add", "adv", "save", "set",
    "then", "else", "end", "end-if-true", "end-if-false", "nop", NULL
};

static int fail_at(ctx_t *c, uint32_t file, uint32_t line, const char *fmt, ...)
{
    char msg[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(c->err, c->errlen, "%s:%u: %s", c->files[file], (unsigned)line, msg);
    return -1;
}

#define FAIL(c, ...) fail_at((c), (c)->file, (c)->line, __VA_ARGS__)

static int lookup(const char *const *names, uint32_t count, const char *s)
{
    for (uint32_t i = 0; i < count; i++)
        if (names[i][0] && strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

static int is_keyword(const char *s)
{
    for (uint32_t i = 0; keywords[i]; i++)
        if (strcmp(keywords[i], s) == 0)
            return 1;
    return 0;
}

static sym_t *find_sym(ctx_t *c, const char *name)
{
    for (uint32_t i = 0; i < c->nsyms; i++)
        if (strcmp(c->syms[i].name, name) == 0)
            return &c->syms[i];
    return NULL;
}

static int valid_name(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_') || strlen(s) >= NAME_LEN)
        return 0;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_' || *s == '.'))
            return 0;
    return 1;
}

/* Names of the language (keywords, bases, relations, destinations, class
 * bits) cannot be redefined, so a reader never has to wonder which is meant. */
static int reserved(const char *s)
{
    return is_keyword(s) || lookup(base_names, 4, s) >= 0 || lookup(rel_names, 8, s) >= 0 ||
           lookup(dst_names, NICRX_NUM_DST, s) >= 0 || lookup(cls_names, NICRX_NUM_CLASS, s) >= 0 ||
           strcmp(s, "both") == 0;
}

static int define(ctx_t *c, const char *name, uint8_t kind, sym_t **out)
{
    sym_t *s = find_sym(c, name);

    if (!valid_name(name) || reserved(name))
        return FAIL(c, "bad name '%s' (letters, digits, '_', '.'; not a keyword or a name of the language)", name);
    if (s)
        return FAIL(c, "duplicate %s '%s' (first defined at %s:%u)", kind == SYM_LABEL ? "label" : "name", name,
                    c->files[s->file], (unsigned)s->line);
    if (c->nsyms == MAX_SYMS)
        return FAIL(c, "too many names (at most %u)", MAX_SYMS);
    s = &c->syms[c->nsyms++];
    memset(s, 0, sizeof *s);
    strcpy(s->name, name);
    s->kind = kind;
    s->file = c->file;
    s->line = c->line;
    *out = s;
    return 0;
}

/* A number: decimal, 0x hex or 0b binary. */
static int parse_number(const char *s, int64_t *v)
{
    int b = 10;
    char *end;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        b = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        b = 2, s += 2;
    if (!isxdigit((unsigned char)*s))
        return -1;
    errno = 0;
    *v = (int64_t)strtoull(s, &end, b);
    return *end || errno ? -1 : 0;
}

/* A value: terms joined by '|', ',' (both OR) or '+'; a term is a number, a
 * constant (.equ) or a class bit name (its mask). */
static int eval(ctx_t *c, const char *s, int64_t *v)
{
    char term[NAME_LEN];
    int64_t acc = 0, t;
    char op = '|';

    if (!*s)
        return FAIL(c, "missing value");
    for (;;) {
        size_t n = strcspn(s, "|,+");
        sym_t *sym;
        int cls;

        if (n == 0 || n >= sizeof term)
            return FAIL(c, "bad value '%s'", s);
        memcpy(term, s, n);
        term[n] = 0;
        if (isdigit((unsigned char)term[0])) {
            if (parse_number(term, &t))
                return FAIL(c, "bad number '%s'", term);
        } else if ((cls = lookup(cls_names, NICRX_NUM_CLASS, term)) >= 0) {
            t = 1 << cls;
        } else if ((sym = find_sym(c, term)) && sym->kind == SYM_EQU) {
            t = sym->value;
        } else {
            return FAIL(c, "undefined constant '%s'", term);
        }
        acc = op == '+' ? acc + t : acc | t;
        if (!s[n])
            break;
        op = s[n];
        s += n + 1;
    }
    *v = acc;
    return 0;
}

static int eval_range(ctx_t *c, const char *s, const char *what, int64_t lo, int64_t hi, int64_t *v)
{
    if (eval(c, s, v))
        return -1;
    if (*v < lo || *v > hi)
        return FAIL(c, "value %lld out of range for %s (%lld..%lld)", (long long)*v, what, (long long)lo,
                    (long long)hi);
    return 0;
}

static int size_code(ctx_t *c, const char *s, uint8_t *code)
{
    int64_t v;

    if (eval(c, s, &v))
        return -1;
    switch (v) {
    case 1: *code = NICRX_SIZE_1; return 0;
    case 2: *code = NICRX_SIZE_2; return 0;
    case 4: *code = NICRX_SIZE_4; return 0;
    case 8: *code = NICRX_SIZE_8; return 0;
    default: return FAIL(c, "value %lld out of range for size (1, 2, 4 or 8)", (long long)v);
    }
}

/* `read BASE[+OFF] SIZE` or `read FIELD[+OFF]`; consumes its tokens. */
static int parse_read(ctx_t *c, char **tok, uint32_t ntok, uint32_t *i, nicrx_insn_t *in)
{
    char head[NAME_LEN];
    const char *a, *plus;
    size_t hl;
    int64_t off = 0, add = 0;
    sym_t *f;
    int b;

    if (*i >= ntok)
        return FAIL(c, "syntax: read BASE+OFF SIZE or read FIELD");
    a = tok[(*i)++];
    plus = strchr(a, '+');
    hl = plus ? (size_t)(plus - a) : strlen(a);
    if (hl >= sizeof head)
        return FAIL(c, "bad read address '%s'", a);
    snprintf(head, sizeof head, "%.*s", (int)hl, a);
    if (plus && eval(c, plus + 1, &add))
        return -1;
    if ((b = lookup(base_names, 4, head)) >= 0) {
        if (*i >= ntok || is_keyword(tok[*i]))
            return FAIL(c, "syntax: read %s needs a size (1, 2, 4 or 8)", a);
        in->base = (uint8_t)b;
        off = add;
        if (size_code(c, tok[(*i)++], &in->size))
            return -1;
    } else if ((f = find_sym(c, head)) && f->kind == SYM_FIELD) {
        in->base = f->base;
        in->size = f->size;
        off = f->off + add;
    } else {
        return FAIL(c, "unknown base or field '%s' (bases: cur l3 l4 abs)", head);
    }
    if (off < 0 || off > 255)
        return FAIL(c, "value %lld out of range for off (0..255)", (long long)off);
    in->off = (uint8_t)off;
    return 0;
}

/* Clause flags, to refuse a clause given twice. */
enum { C_READ, C_BYTE, C_MASK, C_TEST, C_STORE, C_SHR, C_SHL, C_ADD, C_ADV, C_SAVE, C_SET, C_THEN, C_ELSE, C_END };

static int add_rec(ctx_t *c, rec_t **r)
{
    if (c->n >= c->depth)
        return FAIL(c, "program too large: more than %u instructions (--depth %u)", (unsigned)c->depth,
                    (unsigned)c->depth);
    *r = &c->recs[c->n++];
    memset(*r, 0, sizeof **r);
    (*r)->file = c->file;
    (*r)->line = c->line;
    return 0;
}

static int next_arg(ctx_t *c, char **tok, uint32_t ntok, uint32_t *i, const char *kw, const char **arg)
{
    if (*i >= ntok || is_keyword(tok[*i]))
        return FAIL(c, "syntax: '%s' needs a value", kw);
    *arg = tok[(*i)++];
    return 0;
}

/* `adv N`: choose shr and k so that val = N whenever the test is true. */
static int adv_const(ctx_t *c, nicrx_insn_t *in, int64_t n)
{
    uint32_t hi;

    in->shl = 0;
    if (in->size == NICRX_SIZE_NONE) { /* operand 0 */
        in->shr = 0;
        in->k = (uint8_t)n;
        return 0;
    }
    if (in->rel != NICRX_REL_EQ && (in->mask & 0x8000u))
        return FAIL(c, "adv %lld: the operand is not known when the test is true "
                       "(use test eq, a mask below 0x8000, or adv with shr/shl/add)", (long long)n);
    hi = in->rel == NICRX_REL_EQ ? ((uint32_t)(in->value & in->mask) >> 15) : 0u;
    if (n < (int64_t)hi)
        return FAIL(c, "adv %lld: not reachable with this operand", (long long)n);
    in->shr = 15; /* the operand's top bit is all that is left */
    in->k = (uint8_t)(n - hi);
    return 0;
}

/* A clause "KW NUMBER" whose number lies in 0..hi; the range error names KW. */
static int num_clause(ctx_t *c, char **tok, uint32_t ntok, uint32_t *i, const char *kw, int64_t hi, int64_t *v)
{
    const char *arg = NULL;
    return next_arg(c, tok, ntok, i, kw, &arg) || eval_range(c, arg, kw, 0, hi, v);
}

static int parse_insn(ctx_t *c, char **tok, uint32_t ntok)
{
    nicrx_insn_t *in;
    rec_t *r;
    uint32_t seen = 0, i = 0;
    int64_t v, advn = -1;
    const char *arg;

    if (add_rec(c, &r))
        return -1;
    in = &r->in;
    in->mask = 0xffffu;
    while (i < ntok) {
        const char *kw = tok[i++];
        int slot, x;

        if (!strcmp(kw, "read")) slot = C_READ;
        else if (!strcmp(kw, "byte")) slot = C_BYTE;
        else if (!strcmp(kw, "mask")) slot = C_MASK;
        else if (!strcmp(kw, "test")) slot = C_TEST;
        else if (!strcmp(kw, "store") || !strcmp(kw, "storeval")) slot = C_STORE;
        else if (!strcmp(kw, "shr")) slot = C_SHR;
        else if (!strcmp(kw, "shl")) slot = C_SHL;
        else if (!strcmp(kw, "add")) slot = C_ADD;
        else if (!strcmp(kw, "adv")) slot = C_ADV;
        else if (!strcmp(kw, "save")) slot = C_SAVE;
        else if (!strcmp(kw, "set")) slot = C_SET;
        else if (!strcmp(kw, "then")) slot = C_THEN;
        else if (!strcmp(kw, "else")) slot = C_ELSE;
        else if (!strncmp(kw, "end", 3) && is_keyword(kw)) slot = C_END;
        else if (!strcmp(kw, "nop")) continue;
        else return FAIL(c, "unknown keyword '%s'", kw);
        if (seen & (1u << slot))
            return FAIL(c, "clause '%s' given twice", kw);
        seen |= 1u << slot;
        switch (slot) {
        case C_READ:
            if (parse_read(c, tok, ntok, &i, in))
                return -1;
            break;
        case C_BYTE:
            if (num_clause(c, tok, ntok, &i, kw, 7, &v))
                return -1;
            in->cs = (uint8_t)v;
            break;
        case C_MASK:
            if (num_clause(c, tok, ntok, &i, kw, 0xffff, &v))
                return -1;
            in->mask = (uint16_t)v;
            break;
        case C_TEST:
            if (i >= ntok || (x = lookup(rel_names, 8, tok[i])) < 0)
                return FAIL(c, "syntax: test REL VALUE (REL: always eq ne lt gt le ge any)");
            i++;
            in->rel = (uint8_t)x;
            if (x != NICRX_REL_ALWAYS || (i < ntok && !is_keyword(tok[i]))) {
                if (next_arg(c, tok, ntok, &i, "test", &arg) || eval_range(c, arg, "test value", 0, 0xffff, &v))
                    return -1;
                in->value = (uint16_t)v;
            }
            break;
        case C_STORE:
            if (next_arg(c, tok, ntok, &i, kw, &arg))
                return -1;
            if ((x = lookup(dst_names, NICRX_NUM_DST, arg)) < 0)
                return FAIL(c, "unknown destination '%s'", arg);
            in->dst = (uint8_t)x;
            in->sval = kw[5] == 'v';
            break;
        case C_SHR:
            if (num_clause(c, tok, ntok, &i, kw, 15, &v))
                return -1;
            in->shr = (uint8_t)v;
            break;
        case C_SHL:
            if (num_clause(c, tok, ntok, &i, kw, 3, &v))
                return -1;
            in->shl = (uint8_t)v;
            break;
        case C_ADD:
            if (num_clause(c, tok, ntok, &i, kw, 255, &v))
                return -1;
            in->k = (uint8_t)v;
            break;
        case C_ADV:
            in->adv = 1;
            if (i < ntok && !is_keyword(tok[i]) && eval_range(c, tok[i++], "adv", 0, 255, &advn))
                return -1;
            break;
        case C_SAVE:
            if (next_arg(c, tok, ntok, &i, kw, &arg))
                return -1;
            if ((x = lookup(save_names, 4, arg)) < 0)
                return FAIL(c, "syntax: save l3|l4|both");
            in->save = (uint8_t)x;
            break;
        case C_SET:
            if (num_clause(c, tok, ntok, &i, kw, 0x3ff, &v))
                return -1;
            in->set = (uint16_t)v;
            break;
        case C_THEN:
        case C_ELSE:
            if (next_arg(c, tok, ntok, &i, kw, &arg))
                return -1;
            if (strlen(arg) >= NAME_LEN)
                return FAIL(c, "bad branch target '%s'", arg);
            strcpy(r->tgt[slot == C_ELSE], arg);
            break;
        default: /* C_END */
            in->end = !strcmp(kw, "end") ? NICRX_END_ALWAYS : kw[7] == 't' ? NICRX_END_TRUE : NICRX_END_FALSE;
            break;
        }
    }
    if (advn >= 0) {
        if (seen & ((1u << C_SHR) | (1u << C_SHL) | (1u << C_ADD)))
            return FAIL(c, "adv N cannot be combined with shr, shl or add (use plain adv)");
        if (adv_const(c, in, advn))
            return -1;
    }
    return 0;
}

static int assemble_file(ctx_t *c, const char *path);

static int directive(ctx_t *c, char **tok, uint32_t ntok)
{
    sym_t *s;
    int64_t v;
    rec_t *r;

    if (!strcmp(tok[0], ".equ")) {
        if (ntok != 3)
            return FAIL(c, "syntax: .equ NAME VALUE");
        if (eval(c, tok[2], &v) || define(c, tok[1], SYM_EQU, &s))
            return -1;
        s->value = v;
        return 0;
    }
    if (!strcmp(tok[0], ".field")) {
        int b;
        uint8_t size;

        if (ntok != 5)
            return FAIL(c, "syntax: .field NAME BASE OFF SIZE");
        if ((b = lookup(base_names, 4, tok[2])) < 0)
            return FAIL(c, "unknown base '%s' (cur l3 l4 abs)", tok[2]);
        if (eval_range(c, tok[3], "off", 0, 255, &v) || size_code(c, tok[4], &size) ||
            define(c, tok[1], SYM_FIELD, &s))
            return -1;
        s->base = (uint8_t)b;
        s->off = (uint8_t)v;
        s->size = size;
        return 0;
    }
    if (!strcmp(tok[0], ".include")) {
        char path[2 * PATH_LEN + 2], name[PATH_LEN];
        const char *slash = strrchr(c->files[c->file], '/');
        size_t n;

        if (ntok != 2)
            return FAIL(c, "syntax: .include \"FILE\"");
        n = strlen(tok[1]);
        if (n >= 2 && tok[1][0] == '"' && tok[1][n - 1] == '"')
            snprintf(name, sizeof name, "%.*s", (int)(n - 2), tok[1] + 1);
        else
            snprintf(name, sizeof name, "%s", tok[1]);
        if (name[0] == '/' || !slash)
            snprintf(path, sizeof path, "%s", name);
        else
            snprintf(path, sizeof path, "%.*s/%s", (int)(slash - c->files[c->file]), c->files[c->file], name);
        if (c->incl >= MAX_INCLUDE)
            return FAIL(c, ".include nested more than %u deep", MAX_INCLUDE);
        return assemble_file(c, path);
    }
    if (!strcmp(tok[0], ".raw")) {
        if (ntok != 1 + NICRX_INSN_WORDS)
            return FAIL(c, "syntax: .raw W0 W1 W2 W3");
        if (add_rec(c, &r))
            return -1;
        r->is_raw = 1;
        for (uint32_t k = 0; k < NICRX_INSN_WORDS; k++) {
            if (eval_range(c, tok[1 + k], "a word", 0, 0xffffffffll, &v))
                return -1;
            r->raw[k] = (uint32_t)v;
        }
        return 0;
    }
    return FAIL(c, "unknown directive '%s'", tok[0]);
}

/* Whether the line being read counts (every open conditional says so). */
static int counting(const ctx_t *c)
{
    const cond_t *k;

    if (!c->ncond)
        return 1;
    k = &c->cond[c->ncond - 1];
    return k->outer && (k->in_else ? !k->taken : k->taken);
}

static int is_cond(const char *s)
{
    return !strcmp(s, ".ifdef") || !strcmp(s, ".ifndef") || !strcmp(s, ".else") || !strcmp(s, ".endif");
}

/* .ifdef NAME / .ifndef NAME (NAME: any name defined above), .else, .endif. */
static int conditional(ctx_t *c, char **tok, uint32_t ntok)
{
    cond_t *k;

    if (!strcmp(tok[0], ".ifdef") || !strcmp(tok[0], ".ifndef")) {
        if (ntok != 2 || !valid_name(tok[1]))
            return FAIL(c, "syntax: %s NAME", tok[0]);
        if (c->ncond == MAX_COND)
            return FAIL(c, "conditionals nested more than %u deep", MAX_COND);
        k = &c->cond[c->ncond];
        k->outer = (uint8_t)counting(c);
        k->ndef = tok[0][3] == 'n';
        k->taken = (uint8_t)((find_sym(c, tok[1]) != NULL) != k->ndef);
        k->in_else = 0;
        k->file = c->file;
        k->line = c->line;
        c->ncond++;
        return 0;
    }
    if (ntok != 1)
        return FAIL(c, "syntax: %s takes no value", tok[0]);
    if (c->ncond == c->cond_base)
        return FAIL(c, "%s without .ifdef or .ifndef (in this file)", tok[0]);
    k = &c->cond[c->ncond - 1];
    if (!strcmp(tok[0], ".endif")) {
        c->ncond--;
        return 0;
    }
    if (k->in_else)
        return FAIL(c, "a second .else for the %s at line %u", k->ndef ? ".ifndef" : ".ifdef", (unsigned)k->line);
    k->in_else = 1;
    return 0;
}

static int do_line(ctx_t *c, char *s)
{
    char *tok[MAX_TOKENS], *p;
    uint32_t ntok = 0, i = 0;
    sym_t *lab;

    if ((p = strchr(s, '#')))
        *p = 0;
    for (p = strtok(s, " \t\r\v\f"); p; p = strtok(NULL, " \t\r\v\f")) {
        if (ntok == MAX_TOKENS)
            return FAIL(c, "line too long (more than %u words)", MAX_TOKENS);
        tok[ntok++] = p;
    }
    if (ntok && is_cond(tok[0]))
        return conditional(c, tok, ntok);
    if (!counting(c))
        return 0; /* not assembled: only the conditionals are read, for their nesting */
    /* labels: NAME: at the start, they name the next instruction */
    while (i < ntok && tok[i][strlen(tok[i]) - 1] == ':') {
        tok[i][strlen(tok[i]) - 1] = 0;
        if (define(c, tok[i], SYM_LABEL, &lab))
            return -1;
        lab->value = c->n;
        i++;
    }
    if (i == ntok)
        return 0;
    if (is_cond(tok[i]))
        return FAIL(c, "%s cannot follow a label", tok[i]);
    if (tok[i][0] == '.')
        return directive(c, tok + i, ntok - i);
    return parse_insn(c, tok + i, ntok - i);
}

static int assemble_lines(ctx_t *c, uint32_t file, char *text)
{
    uint32_t saved_file = c->file, saved_line = c->line, saved_base = c->cond_base;
    char *line = text;
    int rc = 0;

    c->file = file;
    c->line = 0;
    c->cond_base = c->ncond; /* a file closes the conditionals it opens */
    c->incl++;
    while (line && !rc) {
        char *nl = strchr(line, '\n');

        if (!nl && !*line)
            break; /* the end of a file that ends with a newline */
        if (nl)
            *nl = 0;
        c->line++;
        rc = do_line(c, line);
        line = nl ? nl + 1 : NULL;
    }
    if (!rc && c->ncond > c->cond_base) {
        const cond_t *k = &c->cond[c->ncond - 1];

        rc = fail_at(c, k->file, k->line, "%s without .endif", k->ndef ? ".ifndef" : ".ifdef");
    }
    c->cond_base = saved_base;
    if (c->incl == 1)
        c->lines = c->line;
    c->incl--;
    c->file = saved_file;
    c->line = saved_line;
    return rc;
}

static int add_file(ctx_t *c, const char *name, uint32_t *idx)
{
    if (c->nfiles == MAX_FILES)
        return FAIL(c, "too many files (at most %u)", MAX_FILES);
    snprintf(c->files[c->nfiles], PATH_LEN, "%s", name);
    *idx = c->nfiles++;
    return 0;
}

static int assemble_file(ctx_t *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    size_t len = 0, cap = 0, got;
    uint32_t idx = 0;
    int rc;

    if (!f) {
        if (c->nfiles == 0) {
            snprintf(c->err, c->errlen, "%s: %s", path, strerror(errno));
            return -1;
        }
        return FAIL(c, "cannot open '%s': %s", path, strerror(errno));
    }
    do {
        if (len + 4096 + 1 > cap) {
            char *t = realloc(text, cap = 2 * cap + 4096 + 1);

            if (!t) {
                free(text);
                fclose(f);
                snprintf(c->err, c->errlen, "%s: out of memory", path);
                return -1;
            }
            text = t;
        }
        got = fread(text + len, 1, 4096, f);
        len += got;
    } while (got > 0);
    fclose(f);
    text[len] = 0;
    rc = add_file(c, path, &idx) || assemble_lines(c, idx, text) ? -1 : 0;
    free(text);
    return rc;
}

/* Pass 2: branch targets, then encoding. */
static int finish(ctx_t *c, nicrx_asm_prog_t *prog)
{
    if (c->n == 0) {
        snprintf(c->err, c->errlen, "%s:%u: no instructions", c->files[0], (unsigned)c->lines);
        return -1;
    }
    for (uint32_t pc = 0; pc < c->n; pc++) {
        rec_t *r = &c->recs[pc];
        nicrx_insn_t *in = &r->in;
        uint8_t *t[2] = { &in->t_true, &in->t_false };
        int taken[2];

        if (r->is_raw) {
            memcpy(prog->words + NICRX_INSN_WORDS * pc, r->raw, sizeof r->raw);
            continue;
        }
        taken[0] = in->end != NICRX_END_ALWAYS && in->end != NICRX_END_TRUE;
        taken[1] = in->end != NICRX_END_ALWAYS && in->end != NICRX_END_FALSE && in->rel != NICRX_REL_ALWAYS;
        for (int k = 0; k < 2; k++) {
            const char *name = r->tgt[k];
            int64_t v = pc + 1;
            sym_t *s;

            if (name[0] && isdigit((unsigned char)name[0])) {
                if (parse_number(name, &v))
                    return fail_at(c, r->file, r->line, "bad branch target '%s'", name);
            } else if (name[0]) {
                if (!(s = find_sym(c, name)) || s->kind != SYM_LABEL)
                    return fail_at(c, r->file, r->line, "undefined label '%s'", name);
                v = s->value;
            }
            if ((name[0] || taken[k]) && v >= c->n)
                return fail_at(c, r->file, r->line,
                               name[0] ? "branch outside the program: '%s' is instruction %lld of %u"
                                       : "branch outside the program: %sfalls through past the last instruction "
                                         "(%lld of %u; add end, then or else)",
                               name, (long long)v, (unsigned)c->n);
            *t[k] = (uint8_t)v; /* a default past the end is never taken */
        }
        nicrx_insn_encode(in, prog->words + NICRX_INSN_WORDS * pc);
    }
    prog->n = c->n;
    return 0;
}

static ctx_t *new_ctx(uint32_t depth, char *err, size_t errlen)
{
    ctx_t *c = calloc(1, sizeof *c);

    if (!c) {
        snprintf(err, errlen, "nicrx-asm: out of memory");
        return NULL;
    }
    c->depth = depth;
    c->err = err;
    c->errlen = errlen;
    return c;
}

static int check_depth(uint32_t depth, char *err, size_t errlen)
{
    if (depth < 1 || depth > NICRX_IMEM_MAX) {
        snprintf(err, errlen, "depth %u out of range (1..%u)", (unsigned)depth, NICRX_IMEM_MAX);
        return -1;
    }
    return 0;
}

int nicrx_asm_file(const char *path, uint32_t depth, nicrx_asm_prog_t *prog, char *err, size_t errlen)
{
    ctx_t *c;
    int rc;

    if (check_depth(depth, err, errlen) || !(c = new_ctx(depth, err, errlen)))
        return -1;
    rc = assemble_file(c, path) || finish(c, prog) ? -1 : 0;
    free(c);
    return rc;
}

int nicrx_asm_text(const char *name, const char *text, uint32_t depth, nicrx_asm_prog_t *prog, char *err,
                   size_t errlen)
{
    ctx_t *c;
    char *copy;
    uint32_t idx = 0;
    int rc;

    if (check_depth(depth, err, errlen) || !(c = new_ctx(depth, err, errlen)))
        return -1;
    if (!(copy = malloc(strlen(text) + 1))) {
        free(c);
        snprintf(err, errlen, "nicrx-asm: out of memory");
        return -1;
    }
    strcpy(copy, text);
    rc = add_file(c, name, &idx) || assemble_lines(c, idx, copy) || finish(c, prog) ? -1 : 0;
    free(copy);
    free(c);
    return rc;
}

/* ---- disassembler ---------------------------------------------------------------- */

/* What `adv N` would encode, mirrored from adv_const(): N, or -1 when the
 * instruction is not of that form. */
static int adv_const_of(const nicrx_insn_t *in)
{
    uint32_t hi;

    if (!in->adv || in->shl)
        return -1;
    if (in->size == NICRX_SIZE_NONE)
        return in->shr == 0 ? in->k : -1;
    if (in->shr != 15 || (in->rel != NICRX_REL_EQ && (in->mask & 0x8000u)))
        return -1;
    hi = in->rel == NICRX_REL_EQ ? ((uint32_t)(in->value & in->mask) >> 15) : 0u;
    return (int)(in->k + hi) <= 255 ? (int)(in->k + hi) : -1;
}

/* An instruction the clause syntax cannot express exactly. */
static int needs_raw(const uint32_t *w, const nicrx_insn_t *in, uint32_t pc, uint32_t n)
{
    uint32_t back[NICRX_INSN_WORDS];
    uint32_t next = (pc + 1) & 0xffu;
    int taken_t = in->end != NICRX_END_ALWAYS && in->end != NICRX_END_TRUE;
    int taken_f = in->end != NICRX_END_ALWAYS && in->end != NICRX_END_FALSE && in->rel != NICRX_REL_ALWAYS;

    nicrx_insn_encode(in, back);
    if (memcmp(back, w, sizeof back) || in->size > NICRX_SIZE_8 || in->dst >= NICRX_NUM_DST ||
        (in->sval && !in->dst))
        return 1;
    if (in->size == NICRX_SIZE_NONE && (in->base || in->off))
        return 1;
    if (in->t_true == next ? taken_t && next >= n : in->t_true >= n)
        return 1;
    return in->t_false == next ? taken_f && next >= n : in->t_false >= n;
}

/* Appends one clause, after a space, to the text in b (n bytes). */
static void clause(char *b, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void clause(char *b, size_t n, const char *fmt, ...)
{
    size_t l = strlen(b);
    va_list ap;

    if (l + 1 >= n)
        return;
    b[l++] = ' ';
    va_start(ap, fmt);
    vsnprintf(b + l, n - l, fmt, ap);
    va_end(ap);
}

/* The instruction's non-default clauses, each after a space ("" for nop). */
static void format_insn(const nicrx_insn_t *in, uint32_t pc, char *b, size_t n)
{
    static const uint32_t bytes[5] = { 0, 1, 2, 4, 8 };
    uint32_t next = (pc + 1) & 0xffu;
    int advn = adv_const_of(in);

    b[0] = 0;
    if (in->size)
        clause(b, n, "read %s+%u %u", base_names[in->base], in->off, bytes[in->size]);
    if (in->cs)
        clause(b, n, "byte %u", in->cs);
    if (in->mask != 0xffffu)
        clause(b, n, "mask 0x%04x", in->mask);
    if (in->rel || in->value)
        clause(b, n, "test %s 0x%04x", rel_names[in->rel], in->value);
    if (in->dst)
        clause(b, n, "%s %s", in->sval ? "storeval" : "store", dst_names[in->dst]);
    if (advn >= 0) {
        clause(b, n, "adv %d", advn);
    } else {
        if (in->shr)
            clause(b, n, "shr %u", in->shr);
        if (in->shl)
            clause(b, n, "shl %u", in->shl);
        if (in->k)
            clause(b, n, "add %u", in->k);
        if (in->adv)
            clause(b, n, "adv");
    }
    if (in->save)
        clause(b, n, "save %s", save_names[in->save]);
    if (in->set) {
        char names[NICRX_NUM_CLASS * 10] = "";

        for (uint32_t k = 0; k < NICRX_NUM_CLASS; k++)
            if (in->set & (1u << k))
                snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", names[0] ? "," : "",
                         cls_names[k]);
        clause(b, n, "set %s", names);
    }
    if (in->t_true != next)
        clause(b, n, "then L%u", in->t_true);
    if (in->t_false != next)
        clause(b, n, "else L%u", in->t_false);
    if (in->end)
        clause(b, n, "%s", in->end == NICRX_END_ALWAYS ? "end" : in->end == NICRX_END_TRUE ? "end-if-true"
                                                                                         : "end-if-false");
}

void nicrx_disasm(const uint32_t *words, uint32_t n, FILE *out)
{
    uint8_t target[NICRX_IMEM_MAX] = { 0 };
    nicrx_insn_t in;

    for (uint32_t pc = 0; pc < n; pc++) {
        nicrx_insn_decode(words + NICRX_INSN_WORDS * pc, &in);
        if (!needs_raw(words + NICRX_INSN_WORDS * pc, &in, pc, n)) {
            if (in.t_true != ((pc + 1) & 0xffu))
                target[in.t_true] = 1;
            if (in.t_false != ((pc + 1) & 0xffu))
                target[in.t_false] = 1;
        }
    }
    fprintf(out, "# nicrx-asm -d: %u instructions\n", (unsigned)n);
    for (uint32_t pc = 0; pc < n; pc++) {
        if (target[pc])
            fprintf(out, "L%u:\n", (unsigned)pc);
        fprintf(out, "    ");
        nicrx_disasm_insn(words + NICRX_INSN_WORDS * pc, pc, n, out);
        fprintf(out, "  # %u\n", (unsigned)pc);
    }
}

void nicrx_disasm_insn(const uint32_t *w, uint32_t pc, uint32_t n, FILE *out)
{
    nicrx_insn_t in;
    char b[320];

    nicrx_insn_decode(w, &in);
    if (needs_raw(w, &in, pc, n)) {
        fprintf(out, ".raw 0x%08x 0x%08x 0x%08x 0x%08x", w[0], w[1], w[2], w[3]);
        return;
    }
    format_insn(&in, pc, b, sizeof b);
    fputs(b[0] ? b + 1 : "nop", out);
}
