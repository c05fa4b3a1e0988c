/* jsonl_check.c - reads JSON Lines on stdin; each line must be one well-formed
 * JSON object (RFC 8259 grammar) holding every key named on the command line,
 * and its "i" must count 0, 1, 2...  Prints the first problem and exits 1. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cur { const char *p; int depth; } cur_t;

static int value(cur_t *c);
static void ws(cur_t *c) { while (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n') c->p++; }

static int string(cur_t *c)
{
    if (*c->p != '"') return -1;
    for (c->p++; *c->p != '"'; c->p++) {
        if ((unsigned char)*c->p < 0x20) return -1;
        if (*c->p == '\\') {
            c->p++;
            if (*c->p == 'u') {
                for (int i = 1; i <= 4; i++) if (!isxdigit((unsigned char)c->p[i])) return -1;
                c->p += 4;
            } else if (!strchr("\"\\/bfnrt", *c->p) || !*c->p) return -1;
        }
    }
    c->p++;
    return 0;
}

static int number(cur_t *c)
{
    const char *s = c->p;
    if (*c->p == '-') c->p++;
    if (*c->p == '0') c->p++;
    else if (isdigit((unsigned char)*c->p)) while (isdigit((unsigned char)*c->p)) c->p++;
    else return -1;
    if (*c->p == '.') { c->p++; if (!isdigit((unsigned char)*c->p)) return -1; while (isdigit((unsigned char)*c->p)) c->p++; }
    if (*c->p == 'e' || *c->p == 'E') {
        c->p++;
        if (*c->p == '+' || *c->p == '-') c->p++;
        if (!isdigit((unsigned char)*c->p)) return -1;
        while (isdigit((unsigned char)*c->p)) c->p++;
    }
    return c->p > s ? 0 : -1;
}

static int compound(cur_t *c, char close, int obj)
{
    if (++c->depth > 64) return -1;
    c->p++;
    ws(c);
    if (*c->p == close) { c->p++; c->depth--; return 0; }
    for (;;) {
        ws(c);
        if (obj) {
            if (string(c)) return -1;
            ws(c);
            if (*c->p++ != ':') return -1;
        }
        if (value(c)) return -1;
        ws(c);
        if (*c->p == ',') { c->p++; continue; }
        if (*c->p++ != close) return -1;
        c->depth--;
        return 0;
    }
}

static int value(cur_t *c)
{
    ws(c);
    switch (*c->p) {
    case '{': return compound(c, '}', 1);
    case '[': return compound(c, ']', 0);
    case '"': return string(c);
    case 't': if (!strncmp(c->p, "true", 4)) { c->p += 4; return 0; } return -1;
    case 'f': if (!strncmp(c->p, "false", 5)) { c->p += 5; return 0; } return -1;
    case 'n': if (!strncmp(c->p, "null", 4)) { c->p += 4; return 0; } return -1;
    default: return number(c);
    }
}

int main(int argc, char **argv)
{
    static char line[1 << 16];
    long n = 0;
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        cur_t c = { line, 0 };
        ws(&c);
        if (*c.p != '{' || value(&c) != 0 || (ws(&c), *c.p != 0)) {
            printf("line %ld: not one well-formed JSON object (at column %ld)\n", n + 1, (long)(c.p - line) + 1);
            return 1;
        }
        for (int k = 1; k < argc; k++) {
            char key[128];
            snprintf(key, sizeof key, "\"%s\":", argv[k]);
            if (!strstr(line, key)) { printf("line %ld: no key %s\n", n + 1, argv[k]); return 1; }
        }
        const char *i = strstr(line, "{\"i\":");
        if (!i || strtol(i + 5, NULL, 10) != n) { printf("line %ld: \"i\" is not %ld\n", n + 1, n); return 1; }
        n++;
    }
    printf("%ld lines\n", n);
    return 0;
}
