/* nicrx_model_main.c - the nicrx-model CLI: runs the model alone, driven by
 * the harness's host and frame scheduler, and prints one JSON object per
 * frame (JSON Lines, frame order), or with --summary the report only. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nicrx_model.h"

static void put_addr(FILE *f, uint8_t l3, const uint8_t *a)
{
    if (l3 == 1) {
        fprintf(f, "\"%u.%u.%u.%u\"", a[0], a[1], a[2], a[3]);
        return;
    }
    /* IPv6, RFC 5952: lower case, the longest run (>= 2) of zero groups as "::". */
    uint16_t g[8];
    for (int i = 0; i < 8; i++) g[i] = (uint16_t)(a[2 * i] << 8 | a[2 * i + 1]);
    int best = -1, bestlen = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && g[j] == 0) j++;
        if (j - i > bestlen) { best = i; bestlen = j - i; }
        i = j > i ? j : i + 1;
    }
    fputc('"', f);
    for (int i = 0; i < 8; i++) {
        if (i == best) {
            fputs("::", f);
            i += bestlen - 1;
            continue;
        }
        if (i > 0 && i != best + bestlen) fputc(':', f);
        fprintf(f, "%x", g[i]);
    }
    fputc('"', f);
}

static void put_frame(FILE *f, const harness_t *h, size_t i)
{
    const harness_frame_t *fr = harness_frame(h, i);
    const cap_frame_t *cf = harness_cap_frame(h, i);
    nicrx_hv_t hv;
    if (fr->has_hv) {
        hv = fr->hv;
    } else {
        /* Dropped before the parser: the same parse, for the record. */
        uint32_t hb = harness_options(h)->p.header_bytes;
        uint8_t buf[256] = { 0 };
        uint32_t n = cf->len < hb ? cf->len : hb;
        memcpy(buf, cf->data, n);
        nicrx_parse(buf, cf->len, hb, &hv);
    }
    static const char *l3s[] = { "null", "\"ipv4\"", "\"ipv6\"", "null" };
    static const char *l4s[] = { "null", "\"tcp\"", "\"udp\"", "\"other\"" };
    fprintf(f, "{\"i\":%zu,\"len\":%u,\"verdict\":\"%s\",\"reason\":", i, cf->len,
            fr->verdict == 1 ? "delivered" : fr->verdict == 2 ? "dropped" : "pending");
    if (fr->verdict == 2) fprintf(f, "\"%s\"", nicrx_reason_name(fr->reason));
    else fputs("null", f);
    fprintf(f, ",\"l3\":%s,\"l4\":%s,\"src\":", l3s[hv.l3 & 3], l4s[hv.l4 & 3]);
    if (hv.l3 == 1 || hv.l3 == 2) put_addr(f, hv.l3, hv.src); else fputs("null", f);
    fputs(",\"dst\":", f);
    if (hv.l3 == 1 || hv.l3 == 2) put_addr(f, hv.l3, hv.dst); else fputs("null", f);
    if (hv.l3 == 1 || hv.l3 == 2) fprintf(f, ",\"proto\":%u", hv.proto); else fputs(",\"proto\":null", f);
    if (hv.l4 == 1 || hv.l4 == 2) fprintf(f, ",\"sport\":%u,\"dport\":%u", hv.sport, hv.dport);
    else fputs(",\"sport\":null,\"dport\":null", f);
    fputs(",\"vlan\":[", f);
    for (uint32_t v = 0; v < hv.vlan_cnt && v < 2; v++) fprintf(f, "%s%u", v ? "," : "", hv.vlan[v]);
    fputc(']', f);
    if (hv.l3) fprintf(f, ",\"l3_off\":%u", hv.l3_off); else fputs(",\"l3_off\":null", f);
    if (hv.l4) fprintf(f, ",\"l4_off\":%u", hv.l4_off); else fputs(",\"l4_off\":null", f);
    fprintf(f, ",\"frag\":%s,\"truncated\":%s,\"hash\":%" PRIu32, hv.frag ? "true" : "false",
            hv.truncated ? "true" : "false", hv.hash);
    if (fr->verdict == 1)
        fprintf(f, ",\"queue\":%u,\"ring\":%u,\"buffer\":%u}\n", fr->queue, fr->ring, fr->buf_id);
    else
        fputs(",\"queue\":null,\"ring\":null,\"buffer\":null}\n", f);
}

static void usage(FILE *f)
{
    fprintf(f, "usage: nicrx-model [options] FILE.pcap|FILE.pcapng\n"
               "Runs the nicrx C model on a capture with the harness's host and prints one JSON\n"
               "object per frame.  Exit status: 0 ok, 1 a check failed, 2 bad input.\n%s",
            harness_usage());
}

int main(int argc, char **argv)
{
    harness_opts_t o;
    char err[200];
    harness_opts_default(&o);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) { usage(stdout); return 0; }
        int used = harness_opt(&o, argv[i], i + 1 < argc ? argv[i + 1] : NULL, err, sizeof err);
        if (used < 0) { fprintf(stderr, "nicrx: %s\n", err); return 2; }
        if (used > 0) { i += used - 1; continue; }
        if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "nicrx: unknown option %s\n", argv[i]); usage(stderr); return 2; }
        if (o.pcap) { fprintf(stderr, "nicrx: more than one capture given\n"); return 2; }
        o.pcap = argv[i];
    }
    int status;
    harness_t *h = harness_new(&o, &status);
    if (!h) return status;
    nicrx_in_t in;
    while (harness_cycle(h, NULL, NULL, &in) == HARNESS_RUN)
        ;
    status = harness_status(h);
    if (o.summary) {
        harness_report(h, stdout);
    } else {
        for (size_t i = 0; i < harness_nframes(h); i++)
            put_frame(stdout, h, i);
    }
    if (status != HARNESS_OK)
        fprintf(stderr, "nicrx: %s: %s\n", o.pcap, harness_failure(h));
    fflush(stdout);
    harness_free(h);
    return status;
}
