/* cli.c - see cli.h. */
#include "cli.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The project's version: the VERSION register's value (regs/nicrx.regs), {major,
 * minor, patch} in bits 23:16, 15:8, 7:0.  nicrx-reggen, which writes
 * nicrx_regs.h, is given the value on its compiler's command line instead. */
#ifndef NICRX_VERSION_VALUE
#include "nicrx_regs.h"
#endif

void cli_version(const cli_t *c)
{
    uint32_t v = NICRX_VERSION_VALUE;
    printf("%s %u.%u.%u\n", c->prog, (unsigned)(v >> 16 & 0xffu), (unsigned)(v >> 8 & 0xffu), (unsigned)(v & 0xffu));
}

void cli_usage(const cli_t *c, FILE *f)
{
    fprintf(f, "usage: %s %s\n%s%s", c->prog, c->synopsis, c->help, c->more ? c->more : "");
}

int cli_common(const cli_t *c, int argc, char *const *argv)
{
    if (argc < 2) {
        cli_usage(c, stderr);
        return CLI_EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            cli_usage(c, stdout);
            return 0;
        }
        if (!strcmp(argv[i], "--version")) {
            cli_version(c);
            return 0;
        }
    }
    return -1;
}

static void verror(const cli_t *c, const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: ", c->prog);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const cli_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(c, fmt, ap);
    va_end(ap);
}

int cli_usage_error(const cli_t *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(c, fmt, ap);
    va_end(ap);
    fprintf(stderr, "see %s --help\n", c->prog);
    return CLI_EXIT_USAGE;
}

int cli_bad_value(char *err, size_t n, const char *opt, const char *val, const char *expect)
{
    if (!val || !*val)
        snprintf(err, n, "%s needs a value (%s)", opt, expect);
    else
        snprintf(err, n, "%s takes %s, not '%s'", opt, expect, val);
    return -1;
}

int cli_u64(const char *opt, const char *val, uint64_t lo, uint64_t hi, const char *expect, uint64_t *v,
            char *err, size_t n)
{
    char range[48];
    char *end;

    if (!expect) {
        snprintf(range, sizeof range, "%" PRIu64 "..%" PRIu64, lo, hi);
        expect = range;
    }
    /* strtoull takes a sign and leading blanks: a digit must come first */
    if (!val || val[0] < '0' || val[0] > '9')
        return cli_bad_value(err, n, opt, val, expect);
    errno = 0;
    uint64_t x = strtoull(val, &end, 0);
    if (*end || errno || x < lo || x > hi)
        return cli_bad_value(err, n, opt, val, expect);
    *v = x;
    return 0;
}

int cli_positive(const char *opt, const char *val, const char *expect, double *v, char *err, size_t n)
{
    char *end;

    if (!val || !*val)
        return cli_bad_value(err, n, opt, val, expect);
    double x = strtod(val, &end);
    if (*end || !isfinite(x) || !(x > 0))
        return cli_bad_value(err, n, opt, val, expect);
    *v = x;
    return 0;
}
