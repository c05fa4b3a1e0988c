/* capture.c - pcap/pcapng reader on top of libpcap's offline API. */
#include "capture.h"

#include <errno.h>
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* libpcap's messages carry the path or odd wording; turn the common ones into
 * short reasons a person recognises. */
static void open_reason(const char *path, const char *pcap_err, char *err, size_t errlen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
        snprintf(err, errlen, "is a directory, not a capture file");
    } else if (strstr(pcap_err, "unknown file format") || st.st_size < 24) {
        snprintf(err, errlen, "not a pcap or pcapng capture file");
    } else if (strstr(pcap_err, "truncated")) {
        snprintf(err, errlen, "truncated capture file (%s)", pcap_err);
    } else {
        snprintf(err, errlen, "not a readable capture: %s", pcap_err);
    }
}

int capture_open(capture_reader_t *r, const char *path, char *err, size_t errlen)
{
    char ebuf[PCAP_ERRBUF_SIZE] = "";

    memset(r, 0, sizeof *r);
    pcap_t *p = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, ebuf);
    if (!p) {
        open_reason(path, ebuf, err, errlen);
        return -1;
    }
    int dlt = pcap_datalink(p);
    if (dlt != DLT_EN10MB) {
        const char *name = pcap_datalink_val_to_name(dlt);
        snprintf(err, errlen, "link type %d (%s) is not Ethernet (DLT_EN10MB)", dlt,
                 name ? name : "unknown");
        pcap_close(p);
        return -1;
    }
    r->p = p;
    return 0;
}

int capture_next(capture_reader_t *r, cap_frame_t *f, char *err, size_t errlen)
{
    struct pcap_pkthdr *h;
    const u_char *bytes;
    int rc = pcap_next_ex(r->p, &h, &bytes);

    if (rc == 1) {
        f->len = h->caplen;
        f->wirelen = h->len;
        f->ts_ns = (uint64_t)h->ts.tv_sec * 1000000000ull + (uint64_t)h->ts.tv_usec;
        f->data = (uint8_t *)(uintptr_t)bytes; /* libpcap's buffer: read only */
        r->n++;
        return 1;
    }
    /* A file cut short keeps its complete frames, as tcpdump and tshark read
     * it; the caller warns (r->cut).  Anything else wrong in it is bad input. */
    if (rc == -1) {
        const char *pe = pcap_geterr(r->p);
        if (!strstr(pe, "truncated")) {
            snprintf(err, errlen, "bad capture file after %zu frames (%s)", r->n, pe);
            return -1;
        }
        snprintf(r->cut, sizeof r->cut, "%s", pe);
    }
    if (r->n == 0) {
        snprintf(err, errlen, r->cut[0] ? "truncated capture file: no complete frame (%s)" : "no frames in capture",
                 r->cut);
        return -1;
    }
    return 0;
}

void capture_close(capture_reader_t *r)
{
    if (r->p)
        pcap_close(r->p);
    r->p = NULL;
}

int capture_load(capture_t *c, const char *path, char *err, size_t errlen)
{
    capture_reader_t r;
    cap_frame_t f;
    size_t cap = 0;
    int rc;

    memset(c, 0, sizeof *c);
    if (capture_open(&r, path, err, errlen) != 0)
        return -1;
    while ((rc = capture_next(&r, &f, err, errlen)) == 1) {
        if (c->n == cap) {
            cap = cap ? 2 * cap : 256;
            cap_frame_t *nf = realloc(c->f, cap * sizeof *nf);
            if (!nf) { snprintf(err, errlen, "out of memory"); goto fail; }
            c->f = nf;
        }
        const uint8_t *bytes = f.data;
        f.data = malloc(f.len ? f.len : 1);
        if (!f.data) { snprintf(err, errlen, "out of memory"); goto fail; }
        memcpy(f.data, bytes, f.len);
        c->f[c->n++] = f;
    }
    if (rc < 0)
        goto fail;
    capture_close(&r);
    memcpy(c->cut, r.cut, sizeof c->cut);
    c->path = strdup(path);
    return 0;
fail:
    capture_close(&r);
    capture_free(c);
    return -1;
}

void capture_free(capture_t *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->f[i].data);
    free(c->f);
    free(c->path);
    memset(c, 0, sizeof *c);
}
