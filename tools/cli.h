/* cli.h - what every nicrx command-line tool shares (nicrx-model, nicrx-sim,
 * nicrx-asm, nicrx-gen, nicrx-reggen): messages that begin with the tool's own
 * name, the usage for -h/--help and for no arguments, --version from the one
 * version of the project (the VERSION register of regs/nicrx.regs), and one
 * wording for a missing or bad option value:
 *     TOOL: --seed needs a value (0..18446744073709551615)
 *     TOOL: --seed takes 0..18446744073709551615, not '-1'
 * Exit statuses of bad usage: CLI_EXIT_USAGE. */
#ifndef NICRX_CLI_H
#define NICRX_CLI_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>

enum { CLI_EXIT_USAGE = 2 };

typedef struct cli {
    const char *prog;      /* the tool's name: the first word of every message */
    const char *synopsis;  /* after "usage: PROG ": the arguments, one line */
    const char *help;      /* what it does and its options, lines ending in a newline */
    const char *more;      /* more options (shared ones), or NULL */
} cli_t;

/* The usage: "usage: PROG SYNOPSIS", help and more. */
void cli_usage(const cli_t *c, FILE *f);

/* -h/--help (usage on stdout, status 0), --version (status 0) and no arguments
 * at all (usage on stderr, CLI_EXIT_USAGE).  Returns the status to exit with,
 * or -1 when none of them applies and the tool goes on. */
int cli_common(const cli_t *c, int argc, char *const *argv);

/* "PROG VERSION" on stdout. */
void cli_version(const cli_t *c);

/* One line "PROG: message" on stderr. */
void cli_error(const cli_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* cli_error, then "see PROG --help"; returns CLI_EXIT_USAGE. */
int cli_usage_error(const cli_t *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The message for a missing (val NULL or empty) or bad value of opt, into err:
 * "OPT needs a value (EXPECT)" or "OPT takes EXPECT, not 'VAL'".  Returns -1. */
int cli_bad_value(char *err, size_t n, const char *opt, const char *val, const char *expect);

/* An unsigned number in lo..hi, decimal or 0x hex, nothing else around it (no
 * sign: "-1" is refused, not taken as 2^64 - 1).  0, or -1 with the message of
 * cli_bad_value in err; expect NULL means "lo..hi". */
int cli_u64(const char *opt, const char *val, uint64_t lo, uint64_t hi, const char *expect, uint64_t *v,
            char *err, size_t n);

/* A number above 0 (a frequency, a ratio): 0, or -1 with the message in err. */
int cli_positive(const char *opt, const char *val, const char *expect, double *v, char *err, size_t n);

#endif
