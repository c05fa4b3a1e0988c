/* reggen.c - reads and checks a register description (syntax: regs/nicrx.regs). */
#include "reggen.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define RG_WORDS 1024u  /* 32-bit words in the 12-bit address space */

typedef struct rd {
    rg_map_t *m;
    int line;
    char *err;
    size_t errlen;
    int cur_reg;        /* the register field lines attach to, -1 none */
    int cur_group;      /* the open group, -1 none */
    int cur_section;
    int in_counters;    /* counter lines follow */
} rd_t;

static int fail(rd_t *r, int line, const char *fmt, ...)
{
    char msg[400];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(r->err, r->errlen, "%s:%d: %s", r->m->path, line, msg);
    return -1;
}

/* ---- tokens of one line: words, key=value, [hi:lo], and one "doc" ---------------- */
#define RG_TOKS 24
typedef struct line {
    char *tok[RG_TOKS];
    int ntok;
    char *doc;          /* NULL when the line has none */
} line_t;

static int split(rd_t *r, char *s, line_t *l)
{
    l->ntok = 0;
    l->doc = NULL;
    for (;;) {
        while (*s == ' ' || *s == '\t')
            s++;
        if (!*s || *s == '#' || *s == '\n' || *s == '\r')
            return 0;
        if (*s == '"') {
            char *d = ++s;
            if (l->doc)
                return fail(r, r->line, "more than one doc string");
            l->doc = d;
            while (*s && *s != '"') {
                if (*s == '\\' && s[1])
                    s++;
                *d++ = *s++;
            }
            if (*s != '"')
                return fail(r, r->line, "unterminated doc string");
            *d = 0;
            s++;
            continue;
        }
        if (l->doc)
            return fail(r, r->line, "the doc string must come last");
        if (l->ntok == RG_TOKS)
            return fail(r, r->line, "too many words");
        l->tok[l->ntok++] = s;
        while (*s && !isspace((unsigned char)*s) && *s != '"')
            s++;
        if (*s == '"')
            return fail(r, r->line, "a doc string must be preceded by a space");
        if (*s)
            *s++ = 0;
    }
}

static int copy(rd_t *r, char *dst, size_t n, const char *src, const char *what)
{
    if (strlen(src) >= n)
        return fail(r, r->line, "%s too long: %s", what, src);
    strcpy(dst, src);
    return 0;
}

static int is_name(const char *s)
{
    if (!isalpha((unsigned char)*s) && *s != '_')
        return 0;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_')
            return 0;
    return 1;
}

static int number(const char *s, uint64_t *v)
{
    char *end;

    if (!isdigit((unsigned char)*s))
        return 0;
    errno = 0;
    *v = strtoull(s, &end, 0);
    return !*end && !errno;
}

static int find(const rg_named_t *t, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(t[i].name, name))
            return i;
    return -1;
}

static int name_taken(const rg_map_t *m, const char *name)
{
    return find(m->params, m->nparams, name) >= 0 || find(m->consts, m->nconsts, name) >= 0;
}

/* ---- expressions: NUMBER, PARAM, CONST, + - * /, ( ), log2( ) --------------------- */
typedef struct ex {
    rd_t *r;
    const char *s;
    int params;         /* a parameter was used */
} ex_t;

static int ex_sum(ex_t *e);

static int ex_atom(ex_t *e)
{
    const char *s = e->s;
    char name[RG_NAME];
    size_t n = 0;

    if (*s == '(') {
        e->s++;
        if (ex_sum(e))
            return -1;
        if (*e->s != ')')
            return fail(e->r, e->r->line, "')' expected in expression");
        e->s++;
        return 0;
    }
    if (isdigit((unsigned char)*s)) {
        while (isalnum((unsigned char)*e->s))
            e->s++;
        char num[RG_NAME];
        uint64_t v;
        n = (size_t)(e->s - s);
        if (n >= sizeof num)
            return fail(e->r, e->r->line, "number too long");
        memcpy(num, s, n);
        num[n] = 0;
        if (!number(num, &v) || v > 0xffffffffu)
            return fail(e->r, e->r->line, "bad number %s", num);
        return 0;
    }
    while (isalnum((unsigned char)s[n]) || s[n] == '_')
        n++;
    if (!n || n >= sizeof name)
        return fail(e->r, e->r->line, "bad expression at '%s'", s);
    memcpy(name, s, n);
    name[n] = 0;
    e->s += n;
    if (!strcmp(name, "log2")) {
        if (*e->s != '(')
            return fail(e->r, e->r->line, "log2 wants (");
        return ex_atom(e);
    }
    if (find(e->r->m->params, e->r->m->nparams, name) >= 0) {
        e->params = 1;
        return 0;
    }
    if (find(e->r->m->consts, e->r->m->nconsts, name) >= 0)
        return 0;
    return fail(e->r, e->r->line, "unknown name %s in expression", name);
}

/* level 1: products of atoms; level 0: sums of products */
static int ex_ops(ex_t *e, int level)
{
    const char *ops = level ? "*/" : "+-";

    do {
        if (level ? ex_atom(e) : ex_ops(e, 1))
            return -1;
    } while (*e->s && strchr(ops, *e->s) && e->s++);
    return 0;
}

static int ex_sum(ex_t *e)
{
    return ex_ops(e, 0);
}

/* Checks an expression and returns its index in values (shared by equal text). */
static int value(rd_t *r, const char *text, int *params)
{
    ex_t e = { r, text, 0 };
    rg_map_t *m = r->m;

    if (ex_sum(&e))
        return -1;
    if (*e.s)
        return fail(r, r->line, "bad expression at '%s'", e.s);
    if (params)
        *params = e.params;
    for (int i = 0; i < m->nvalues; i++)
        if (!strcmp(m->values[i], text))
            return i;
    if (m->nvalues == RG_MAX)
        return fail(r, r->line, "too many expressions");
    if (copy(r, m->values[m->nvalues], RG_TEXT, text, "expression"))
        return -1;
    return m->nvalues++;
}

/* ---- key=value options -------------------------------------------------------------- */
typedef struct opts {
    const char *count, *limit, *stride, *var, *state, *reset, *min, *max, *val, *in, *owner;
    int strobe, load;
} opts_t;

static int options(rd_t *r, line_t *l, int from, const char *allowed, opts_t *o)
{
    memset(o, 0, sizeof *o);
    for (int i = from; i < l->ntok; i++) {
        char *t = l->tok[i], *eq = strchr(t, '=');
        const char **slot = NULL;
        char key[RG_NAME];

        if (!eq) {
            if (!strcmp(t, "strobe") && strstr(allowed, " strobe "))
                o->strobe = 1;
            else if (!strcmp(t, "load") && strstr(allowed, " load "))
                o->load = 1;
            else
                return fail(r, r->line, "unexpected word %s", t);
            continue;
        }
        if ((size_t)(eq - t) + 3 > sizeof key)
            return fail(r, r->line, "unknown option %s", t);
        snprintf(key, sizeof key, " %.*s ", (int)(eq - t), t);
        if (!strstr(allowed, key))
            return fail(r, r->line, "unknown option %s", t);
        *eq = 0;
        if (!strcmp(t, "count")) slot = &o->count;
        else if (!strcmp(t, "limit")) slot = &o->limit;
        else if (!strcmp(t, "stride")) slot = &o->stride;
        else if (!strcmp(t, "var")) slot = &o->var;
        else if (!strcmp(t, "state")) slot = &o->state;
        else if (!strcmp(t, "reset")) slot = &o->reset;
        else if (!strcmp(t, "min")) slot = &o->min;
        else if (!strcmp(t, "max")) slot = &o->max;
        else if (!strcmp(t, "value")) slot = &o->val;
        else if (!strcmp(t, "in")) slot = &o->in;
        else slot = &o->owner;
        if (*slot)
            return fail(r, r->line, "option %s given twice", t);
        if (!eq[1])
            return fail(r, r->line, "option %s without a value", t);
        *slot = eq + 1;
    }
    return 0;
}

static int num_opt(rd_t *r, const char *s, const char *what, uint64_t max, uint64_t *v)
{
    if (!number(s, v) || *v > max)
        return fail(r, r->line, "bad %s %s", what, s);
    return 0;
}

/* count=N|CONST|PARAM [limit=N|CONST] (a parameter needs a limit). */
static int count_opt(rd_t *r, const opts_t *o, rg_count_t *c)
{
    rg_map_t *m = r->m;
    const char *s = o->count ? o->count : "1";
    uint64_t v;
    int k, params;

    if ((c->value = value(r, s, &params)) < 0)
        return -1;
    if (copy(r, c->rtl, sizeof c->rtl, s, "count"))
        return -1;
    if (number(s, &v)) {
        c->max = (uint32_t)v;
        snprintf(c->c_size, sizeof c->c_size, "%u", c->max);
    } else if ((k = find(m->consts, m->nconsts, s)) >= 0) {
        c->max = m->consts[k].value;
        snprintf(c->c_size, sizeof c->c_size, "NICRX_%s", s);
    } else if (!params || !is_name(s)) {
        return fail(r, r->line, "count wants a number, a const or a param: %s", s);
    } else if (!o->limit) {
        return fail(r, r->line, "count=%s wants limit= (a number or a const)", s);
    }
    if (o->limit) {
        if (!params)
            return fail(r, r->line, "limit goes with a parameter count");
        if (number(o->limit, &v)) {
            c->max = (uint32_t)v;
            snprintf(c->c_size, sizeof c->c_size, "%u", c->max);
        } else if ((k = find(m->consts, m->nconsts, o->limit)) >= 0) {
            c->max = m->consts[k].value;
            snprintf(c->c_size, sizeof c->c_size, "NICRX_%s", o->limit);
        } else {
            return fail(r, r->line, "limit wants a number or a const: %s", o->limit);
        }
    }
    if (c->max < 1 || c->max > RG_WORDS)
        return fail(r, r->line, "count out of range 1..%u", RG_WORDS);
    return 0;
}

/* [hi:lo] or [bit] */
static int bits(rd_t *r, const char *s, uint32_t max, uint32_t *hi, uint32_t *lo)
{
    unsigned a, b;
    char c;

    if (sscanf(s, "[%u:%u%c", &a, &b, &c) == 3 && c == ']' && !s[strcspn(s, "]") + 1]) {
        *hi = a;
        *lo = b;
    } else if (sscanf(s, "[%u%c", &a, &c) == 2 && c == ']' && !s[strcspn(s, "]") + 1]) {
        *hi = *lo = a;
    } else {
        return fail(r, r->line, "bits wanted as [HI:LO] or [BIT]: %s", s);
    }
    if (*hi < *lo || *hi > max)
        return fail(r, r->line, "bits %s outside [%u:0] or reversed", s, max);
    return 0;
}

static int access(rd_t *r, const char *s, rg_access_t *a)
{
    static const char *const names[] = { "RO", "RW", "W1C", "WP", "DB", "WIN" };

    for (int i = 0; i < 6; i++)
        if (!strcmp(s, names[i])) {
            *a = (rg_access_t)i;
            return 0;
        }
    return fail(r, r->line, "unknown access %s (RO, RW, W1C, WP, DB, WIN)", s);
}

static void lower(char *dst, const char *src)
{
    while ((*dst++ = (char)tolower((unsigned char)*src++)))
        ;
}

/* ---- fields ---------------------------------------------------------------------------- */
static int add_state(rd_t *r, const char *name, const rg_count_t *count, uint32_t width, int line)
{
    rg_map_t *m = r->m;

    for (int i = 0; i < m->nstates; i++)
        if (!strcmp(m->states[i].name, name)) {
            if (strcmp(m->states[i].count.rtl, count->rtl))
                return fail(r, line, "state %s used with counts %s and %s", name, m->states[i].count.rtl,
                            count->rtl);
            if (width > m->states[i].width)
                m->states[i].width = width;
            return i;
        }
    if (m->nstates == RG_MAX)
        return fail(r, line, "too many states");
    rg_state_t *s = &m->states[m->nstates];
    memset(s, 0, sizeof *s);
    if (copy(r, s->name, sizeof s->name, name, "state name"))
        return -1;
    s->count = *count;
    s->width = width;
    return m->nstates++;
}

/* One field of register reg: name ("" implicit), bits, access, options, doc. */
static int add_field(rd_t *r, const char *name, const char *bitspec, const char *acc, const opts_t *o,
                     const char *doc)
{
    rg_map_t *m = r->m;
    rg_reg_t *g = &m->regs[r->cur_reg];
    rg_field_t *f;
    uint64_t v;

    if (m->nfields == RG_MAX * 2)
        return fail(r, r->line, "too many fields");
    f = &m->fields[m->nfields];
    memset(f, 0, sizeof *f);
    f->max = -1;
    if (copy(r, f->name, sizeof f->name, name, "field name") || bits(r, bitspec, 31, &f->hi, &f->lo) ||
        access(r, acc, &f->acc) || copy(r, f->doc, sizeof f->doc, doc ? doc : "", "doc"))
        return -1;
    uint32_t w = f->hi - f->lo + 1;
    if (f->acc == RG_RO) {
        if (!!o->val == !!o->in)
            return fail(r, r->line, "a read-only field wants value= or in=");
        if (o->state || o->reset || o->min || o->max || o->load)
            return fail(r, r->line, "a read-only field has no storage options");
        if (o->val) {
            f->src = RG_SRC_VALUE;
            if ((f->value = value(r, o->val, NULL)) < 0)
                return -1;
            if (number(o->val, &v) && v >> w)
                return fail(r, r->line, "value %s does not fit [%u:%u]", o->val, f->hi, f->lo);
        } else {
            char *colon = strchr(o->in, ':');
            f->src = RG_SRC_IN;
            if (!colon || colon == o->in || !colon[1])
                return fail(r, r->line, "in= wants RTL_PORT:C_MEMBER");
            *colon = 0;
            if (copy(r, f->in_rtl, sizeof f->in_rtl, o->in, "in") ||
                copy(r, f->in_c, sizeof f->in_c, colon + 1, "in"))
                return -1;
            size_t n = strlen(f->in_c);
            if (n > 2 && !strcmp(f->in_c + n - 2, "[]")) {
                f->in_c[n - 2] = 0;
                f->in_bits = 1;
                if (g->array)
                    return fail(r, r->line, "in=...[] packs bits of an array: not in an array register");
            }
        }
    } else {
        char sname[RG_NAME], lname[RG_NAME];
        uint32_t shi, slo;
        if (o->val || o->in)
            return fail(r, r->line, "a writable field is stored: no value= or in=");
        f->src = RG_SRC_STATE;
        if (o->state) {
            const char *br = strchr(o->state, '[');
            size_t n = br ? (size_t)(br - o->state) : strlen(o->state);
            if (n >= sizeof sname)
                return fail(r, r->line, "state name too long");
            memcpy(sname, o->state, n);
            sname[n] = 0;
            if (br) {
                if (bits(r, br, 63, &shi, &slo))
                    return -1;
            } else {
                shi = w - 1;
                slo = 0;
            }
        } else {
            lower(lname, *name ? name : g->short_name);
            if (g->group >= 0) {
                char gl[RG_NAME];
                lower(gl, m->groups[g->group].name);
                snprintf(sname, sizeof sname, "%.20s_%.20s", gl, lname);
            } else {
                snprintf(sname, sizeof sname, "%s", lname);
            }
            shi = w - 1;
            slo = 0;
        }
        if (!is_name(sname))
            return fail(r, r->line, "bad state name %s", sname);
        if (shi - slo != f->hi - f->lo)
            return fail(r, r->line, "state bits [%u:%u] are not as wide as the field", shi, slo);
        if ((f->state = add_state(r, sname, &g->count, shi + 1, r->line)) < 0)
            return -1;
        rg_state_t *s = &m->states[f->state];
        uint64_t mask = ((1ull << w) - 1) << slo;
        if (s->used & mask)
            return fail(r, r->line, "state %s bits [%u:%u] already belong to another field", sname, shi, slo);
        s->used |= mask;
        f->slo = slo;
        if (s->used != mask && s->pulse != (f->acc == RG_WP))
            return fail(r, r->line, "state %s mixes WP and stored fields", sname);
        s->pulse = f->acc == RG_WP;
        s->load |= o->load;
        if (o->reset) {
            if (num_opt(r, o->reset, "reset", (1ull << w) - 1, &v))
                return -1;
            f->reset = v;
            s->reset |= v << slo;
        }
        if (o->min) {
            if (num_opt(r, o->min, "min", (1ull << w) - 1, &v))
                return -1;
            f->has_min = 1;
            f->min = (uint32_t)v;
        }
        if (o->max && (f->max = value(r, o->max, NULL)) < 0)
            return -1;
        if (f->acc == RG_WP && (o->reset || o->min || o->max || o->load))
            return fail(r, r->line, "a WP field is a one-cycle pulse: no reset, min, max or load");
    }
    /* readable bits of two fields, or writable bits, must not overlap */
    uint32_t fm = (uint32_t)((((uint64_t)1 << (f->hi - f->lo + 1)) - 1) << f->lo);
    for (int i = g->first; i < g->first + g->nfields; i++) {
        const rg_field_t *o2 = &m->fields[i];
        uint32_t om = (uint32_t)((((uint64_t)1 << (o2->hi - o2->lo + 1)) - 1) << o2->lo);
        int both_read = f->acc != RG_WP && o2->acc != RG_WP;
        int both_write = f->acc != RG_RO && o2->acc != RG_RO;
        if ((fm & om) && (both_read || both_write))
            return fail(r, r->line, "bits [%u:%u] overlap field %s", f->hi, f->lo, o2->name);
        if (*name && !strcmp(o2->name, name))
            return fail(r, r->line, "field %s defined twice", name);
    }
    g->nfields++;
    m->nfields++;
    return 0;
}

/* ---- statements ---------------------------------------------------------------------- */
static int new_named(rd_t *r, rg_named_t *t, int *n, const char *name, const char *doc)
{
    if (*n == RG_MAX)
        return fail(r, r->line, "too many items");
    if (!is_name(name))
        return fail(r, r->line, "bad name %s", name);
    memset(&t[*n], 0, sizeof t[*n]);
    if (copy(r, t[*n].name, RG_NAME, name, "name") || copy(r, t[*n].doc, RG_DOC, doc ? doc : "", "doc"))
        return -1;
    return (*n)++;
}

static int check_reg_name(rd_t *r, const char *full)
{
    for (int i = 0; i < r->m->nregs; i++)
        if (!strcmp(r->m->regs[i].name, full))
            return fail(r, r->line, "register %s defined twice (line %d)", full, r->m->regs[i].line);
    return 0;
}

static int st_reg(rd_t *r, line_t *l, int counters)
{
    rg_map_t *m = r->m;
    rg_reg_t *g;
    opts_t o;
    uint64_t off;
    int k = 3;

    if (l->ntok < 3)
        return fail(r, r->line, "%s NAME OFFSET ... wanted", l->tok[0]);
    if (m->nregs == RG_MAX)
        return fail(r, r->line, "too many registers");
    g = &m->regs[m->nregs];
    memset(g, 0, sizeof *g);
    g->line = r->line;
    g->first = m->nfields;
    g->section = r->cur_section;
    g->group = r->cur_group;
    if (!is_name(l->tok[1]))
        return fail(r, r->line, "bad register name %s", l->tok[1]);
    if (copy(r, g->short_name, sizeof g->short_name, l->tok[1], "name"))
        return -1;
    if (g->group >= 0) {
        char gname[RG_NAME];     /* a copy: m holds both */
        strcpy(gname, m->groups[g->group].name);
        snprintf(g->name, sizeof g->name, "%.20s_%.20s", gname, l->tok[1]);
    } else {
        strcpy(g->name, l->tok[1]);
    }
    if (check_reg_name(r, g->name) || num_opt(r, l->tok[2], "offset", RG_WORDS * 4 - 4, &off))
        return -1;
    if (off % 4)
        return fail(r, r->line, "offset 0x%llx is not a multiple of 4", (unsigned long long)off);
    int implicit = !counters && l->ntok > 4 && l->tok[3][0] != '[' && !strchr(l->tok[3], '=') &&
                   strcmp(l->tok[3], "strobe") && l->tok[4][0] == '[';
    if (implicit)
        k = 5;
    if (options(r, l, k, counters ? " in owner var " : " count limit stride var state reset min max value in owner strobe load ",
                &o))
        return -1;
    if (counters && !o.in)
        return fail(r, r->line, "counters wants in=RTL_PORT:C_MEMBER");
    /* statement options: the register's own, the rest go to its implicit field */
    if (copy(r, g->owner, sizeof g->owner, o.owner ? o.owner : g->group >= 0 ? m->groups[g->group].owner : "",
             "owner") ||
        copy(r, g->doc, sizeof g->doc, l->doc ? l->doc : "", "doc"))
        return -1;
    g->strobe = o.strobe;
    g->counters = counters;
    if (g->group >= 0) {
        const rg_group_t *gr = &m->groups[g->group];
        if (o.count || o.stride || o.var)
            return fail(r, r->line, "a register in a group has the group's index");
        if (off >= gr->stride)
            return fail(r, r->line, "offset 0x%llx outside the group's stride 0x%x", (unsigned long long)off,
                        gr->stride);
        g->base = gr->base + (uint32_t)off;
        g->stride = gr->stride;
        g->count = gr->count;
        g->array = 1;
        strcpy(g->var, gr->var);
    } else {
        uint64_t st = 4;
        g->base = (uint32_t)off;
        if (o.stride && num_opt(r, o.stride, "stride", RG_WORDS * 4, &st))
            return -1;
        if (st % 4 || !st)
            return fail(r, r->line, "stride must be a non-zero multiple of 4");
        g->stride = (uint32_t)st;
        g->array = o.count || counters;
        if (!counters && count_opt(r, &o, &g->count))
            return -1;
        if (copy(r, g->var, sizeof g->var, o.var ? o.var : "i", "var"))
            return -1;
    }
    r->cur_reg = m->nregs++;
    r->in_counters = counters;
    if (counters) {         /* count and field come with the counter lines */
        if (m->counter_reg >= 0)
            return fail(r, r->line, "one counters statement at most");
        m->counter_reg = r->cur_reg;
        g->nfields = 0;
        opts_t fo;
        memset(&fo, 0, sizeof fo);
        fo.in = o.in;
        return add_field(r, "", "[31:0]", "RO", &fo, "");
    }
    if (implicit) {
        o.owner = NULL;
        return add_field(r, "", l->tok[4], l->tok[3], &o, "");
    }
    if (o.state || o.reset || o.min || o.max || o.val || o.in || o.load)
        return fail(r, r->line, "field options need ACCESS [HI:LO] on the register line (or go on field lines)");
    return 0;
}

static int st_group(rd_t *r, line_t *l)
{
    rg_map_t *m = r->m;
    rg_group_t *g;
    opts_t o;
    uint64_t base, st;

    if (r->cur_group >= 0)
        return fail(r, r->line, "groups do not nest");
    if (l->ntok < 3 || !is_name(l->tok[1]))
        return fail(r, r->line, "group NAME BASE stride=N count=... wanted");
    if (m->ngroups == RG_MAX)
        return fail(r, r->line, "too many groups");
    g = &m->groups[m->ngroups];
    memset(g, 0, sizeof *g);
    g->line = r->line;
    g->section = r->cur_section;
    if (options(r, l, 3, " count limit stride var owner ", &o) || copy(r, g->name, sizeof g->name, l->tok[1], "name") ||
        num_opt(r, l->tok[2], "base", RG_WORDS * 4 - 4, &base))
        return -1;
    if (!o.stride || !o.count)
        return fail(r, r->line, "a group wants stride= and count=");
    if (num_opt(r, o.stride, "stride", RG_WORDS * 4, &st))
        return -1;
    if (st % 4 || !st || base % 4)
        return fail(r, r->line, "base and stride must be multiples of 4");
    g->base = (uint32_t)base;
    g->stride = (uint32_t)st;
    if (count_opt(r, &o, &g->count) || copy(r, g->var, sizeof g->var, o.var ? o.var : "i", "var") ||
        copy(r, g->owner, sizeof g->owner, o.owner ? o.owner : "", "owner") ||
        copy(r, g->doc, sizeof g->doc, l->doc ? l->doc : "", "doc"))
        return -1;
    r->cur_group = m->ngroups++;
    r->cur_reg = -1;
    return 0;
}

static int statement(rd_t *r, line_t *l)
{
    rg_map_t *m = r->m;
    const char *w = l->tok[0];
    opts_t o;
    uint64_t v;
    int k;

    if (strcmp(w, "counter"))
        r->in_counters = 0;
    if (!strcmp(w, "param") || !strcmp(w, "section")) {
        if (l->ntok != 2)
            return fail(r, r->line, "%s NAME wanted", w);
        if (!strcmp(w, "section")) {
            if (find(m->sections, m->nsections, l->tok[1]) >= 0)
                return fail(r, r->line, "section %s defined twice", l->tok[1]);
            if ((k = new_named(r, m->sections, &m->nsections, l->tok[1], l->doc)) < 0)
                return -1;
            r->cur_section = k;
            r->cur_reg = -1;
            return 0;
        }
        if (name_taken(m, l->tok[1]))
            return fail(r, r->line, "%s defined twice", l->tok[1]);
        return new_named(r, m->params, &m->nparams, l->tok[1], l->doc) < 0 ? -1 : 0;
    }
    if (!strcmp(w, "const")) {
        if (l->ntok != 3 || !number(l->tok[2], &v) || v > 0xffffffffu)
            return fail(r, r->line, "const NAME NUMBER wanted");
        if (name_taken(m, l->tok[1]))
            return fail(r, r->line, "%s defined twice", l->tok[1]);
        if ((k = new_named(r, m->consts, &m->nconsts, l->tok[1], l->doc)) < 0)
            return -1;
        m->consts[k].value = (uint32_t)v;
        return 0;
    }
    if (!strcmp(w, "end")) {
        if (r->cur_group < 0 || l->ntok != 1)
            return fail(r, r->line, "end without a group");
        r->cur_group = -1;
        r->cur_reg = -1;
        return 0;
    }
    if (r->cur_section < 0)
        return fail(r, r->line, "%s before the first section", w);
    if (!strcmp(w, "group"))
        return st_group(r, l);
    if (!strcmp(w, "reg") || !strcmp(w, "counters")) {
        if (r->cur_reg >= 0 && !m->regs[r->cur_reg].nfields)
            return fail(r, m->regs[r->cur_reg].line, "register %s has no fields", m->regs[r->cur_reg].name);
        if (!strcmp(w, "counters") && r->cur_group >= 0)
            return fail(r, r->line, "counters inside a group");
        return st_reg(r, l, !strcmp(w, "counters"));
    }
    if (!strcmp(w, "counter")) {
        if (!r->in_counters)
            return fail(r, r->line, "counter outside a counters block");
        if (l->ntok < 2 || options(r, l, 2, " owner ", &o))
            return -1;
        if (find(m->counters, m->ncounters, l->tok[1]) >= 0)
            return fail(r, r->line, "counter %s defined twice", l->tok[1]);
        if ((k = new_named(r, m->counters, &m->ncounters, l->tok[1], l->doc)) < 0)
            return -1;
        return copy(r, m->counters[k].owner, RG_NAME, o.owner ? o.owner : "", "owner");
    }
    if (!strcmp(w, "field")) {
        if (r->cur_reg < 0 || r->in_counters)
            return fail(r, r->line, "field outside a register");
        rg_reg_t *g = &m->regs[r->cur_reg];
        if (g->nfields && !m->fields[g->first].name[0])
            return fail(r, r->line, "register %s has ACCESS [HI:LO] on its line: no fields", g->name);
        if (l->ntok < 4 || !is_name(l->tok[1]))
            return fail(r, r->line, "field NAME [HI:LO] ACCESS ... wanted");
        if (options(r, l, 4, " state reset min max value in load ", &o))
            return -1;
        return add_field(r, l->tok[1], l->tok[2], l->tok[3], &o, l->doc);
    }
    return fail(r, r->line, "unknown statement %s", w);
}

/* ---- whole-map checks ---------------------------------------------------------------- */
static int finish(rd_t *r)
{
    rg_map_t *m = r->m;
    int owner[RG_WORDS];

    if (r->cur_group >= 0)
        return fail(r, m->groups[r->cur_group].line, "group %s without end", m->groups[r->cur_group].name);
    if (r->cur_reg >= 0 && !m->regs[r->cur_reg].nfields)
        return fail(r, m->regs[r->cur_reg].line, "register %s has no fields", m->regs[r->cur_reg].name);
    if (m->counter_reg >= 0) {
        rg_reg_t *g = &m->regs[m->counter_reg];
        if (!m->ncounters)
            return fail(r, g->line, "counters without counter lines");
        g->count.max = (uint32_t)m->ncounters;
        snprintf(g->count.rtl, sizeof g->count.rtl, "%d", m->ncounters);
        strcpy(g->count.c_size, "NICRX_NUM_COUNTERS");
        r->line = g->line;
        if ((g->count.value = value(r, g->count.rtl, NULL)) < 0)
            return -1;
    }
    if (!m->nregs)
        return fail(r, r->line, "no registers");
    for (uint32_t w = 0; w < RG_WORDS; w++)
        owner[w] = -1;
    for (int i = 0; i < m->nregs; i++) {
        const rg_reg_t *g = &m->regs[i];
        for (uint32_t k = 0; k < g->count.max; k++) {
            uint64_t a = (uint64_t)g->base + (uint64_t)k * g->stride;
            if (a > RG_WORDS * 4 - 4)
                return fail(r, g->line, "register %s instance %u at 0x%llx is outside the 12-bit map", g->name, k,
                            (unsigned long long)a);
            if (owner[a / 4] >= 0)
                return fail(r, g->line, "register %s instance %u at 0x%03llx overlaps %s", g->name, k,
                            (unsigned long long)a, m->regs[owner[a / 4]].name);
            owner[a / 4] = i;
        }
    }
    return 0;
}

int rg_read(const char *path, rg_map_t *m, char *err, size_t errlen)
{
    rd_t r = { m, 0, err, errlen, -1, -1, -1, 0 };
    char buf[2048];
    FILE *f;
    int rc = 0;

    memset(m, 0, sizeof *m);
    m->counter_reg = -1;
    snprintf(m->path, sizeof m->path, "%s", path);
    if (!(f = fopen(path, "r"))) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    while (!rc && fgets(buf, sizeof buf, f)) {
        line_t l;
        r.line++;
        if (!strchr(buf, '\n') && !feof(f))
            rc = fail(&r, r.line, "line too long");
        else if (!(rc = split(&r, buf, &l)) && l.ntok)
            rc = statement(&r, &l);
        else if (!rc && l.doc)
            rc = fail(&r, r.line, "a doc string without a statement");
    }
    fclose(f);
    return rc ? rc : finish(&r);
}
