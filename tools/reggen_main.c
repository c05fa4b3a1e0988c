/* reggen_main.c - the nicrx-reggen command line.
 *
 *   nicrx-reggen [-o DIR] [--docs FILE.md] FILE.regs
 *
 * Writes, below DIR (default .; its rtl/, cmodel/ and docs/ must exist), every file
 * generated from the description; with --docs, also DIR/docs/registers.md: FILE.md
 * with its tables generated.  Each file is written whole or not at all.
 * Exit status: 0 done; 1 the description (or the docs markers) is wrong: one line
 * "nicrx-reggen: FILE:LINE: reason" on stderr, nothing written; 2 bad usage or a write error. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "reggen.h"

static const cli_t cli = {
    "nicrx-reggen", "[-o DIR] [--docs FILE.md] FILE.regs",
    "Writes, below DIR (default .), every file generated from the register description\n"
    "FILE.regs; with --docs, also DIR/docs/registers.md: FILE.md with its tables generated.\n"
    "Exit status: 0 done, 1 the description or the docs markers are wrong, 2 bad usage or\n"
    "a write error.\n",
    NULL,
};

typedef void emit_fn(const rg_map_t *m, FILE *out);

static const struct {
    const char *path;
    emit_fn *fn;
} outputs[] = {
    { "rtl/nicrx_regs.vh", rg_emit_vh_defs },   { "rtl/nicrx_counters.vh", rg_emit_vh_top },
    { "rtl/nicrx_csr_regs.vh", rg_emit_vh_csr }, { "cmodel/nicrx_regs.h", rg_emit_c_hw },
    { "cmodel/csr_regs.h", rg_emit_c_regs },     { "cmodel/csr_map.h", rg_emit_c_map },
};

/* The whole file, NUL-terminated; NULL on error. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f)
        return NULL;
    if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) >= 0 && !fseek(f, 0, SEEK_SET) && (buf = malloc((size_t)n + 1))) {
        if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
            free(buf);
            buf = NULL;
        } else {
            buf[n] = 0;
        }
    }
    fclose(f);
    return buf;
}

/* Writes DIR/rel through a temporary file renamed over it. */
static int write_file(const char *dir, const char *rel, const rg_map_t *m, emit_fn *fn, const char *docs)
{
    char path[1024], tmp[1040], err[256];
    FILE *f;
    int rc = 0;

    snprintf(path, sizeof path, "%s/%s", dir, rel);
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    if (!(f = fopen(tmp, "w"))) {
        cli_error(&cli, "%s: %s", tmp, strerror(errno));
        return 2;
    }
    if (fn) {
        fn(m, f);
    } else if (rg_emit_docs(m, docs, f, err, sizeof err)) {
        cli_error(&cli, "%s", err);
        rc = 1;
    }
    if (ferror(f) && !rc)
        rc = 2;
    if (fclose(f) && !rc)
        rc = 2;
    if (!rc && rename(tmp, path))
        rc = 2;
    if (rc) {
        if (rc == 2)
            cli_error(&cli, "cannot write %s", path);
        remove(tmp);
    }
    return rc;
}

int main(int argc, char **argv)
{
    const char *in = NULL, *dir = ".", *docs_in = NULL;
    char err[512];
    char *docs = NULL;
    rg_map_t *m;
    int rc = 0;

    if ((rc = cli_common(&cli, argc, argv)) >= 0)
        return rc;
    rc = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-o") || !strcmp(a, "--docs")) {
            const char *v = i + 1 < argc ? argv[++i] : NULL;
            if (!v || !*v) {
                cli_bad_value(err, sizeof err, a, v, a[1] == 'o' ? "a directory" : "a file");
                return cli_usage_error(&cli, "%s", err);
            }
            *(a[1] == 'o' ? &dir : &docs_in) = v;
        } else if (argv[i][0] == '-') {
            return cli_usage_error(&cli, "unknown option %s", argv[i]);
        } else if (in) {
            return cli_usage_error(&cli, "one input file, not %s and %s", in, argv[i]);
        } else {
            in = argv[i];
        }
    }
    if (!in)
        return cli_usage_error(&cli, "no input file");
    if (docs_in && !(docs = slurp(docs_in))) {
        cli_error(&cli, "%s: %s", docs_in, strerror(errno));
        return 2;
    }
    if (!(m = malloc(sizeof *m))) {
        free(docs);
        return 2;
    }
    if (rg_read(in, m, err, sizeof err)) {
        cli_error(&cli, "%s", err);
        rc = 1;
    }
    /* the docs first: a marker error leaves every file as it was */
    if (!rc && docs)
        rc = write_file(dir, "docs/registers.md", m, NULL, docs);
    for (size_t k = 0; !rc && k < sizeof outputs / sizeof outputs[0]; k++)
        rc = write_file(dir, outputs[k].path, m, outputs[k].fn, NULL);
    free(docs);
    free(m);
    return rc;
}
