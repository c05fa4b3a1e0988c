/* capture.h - read a pcap or pcapng capture (libpcap) into memory. */
#ifndef NICRX_CAPTURE_H
#define NICRX_CAPTURE_H

#include <stddef.h>
#include <stdint.h>

typedef struct cap_frame {
    uint8_t *data;    /* caplen bytes: what the capture holds is what the MAC sends */
    uint32_t len;     /* caplen */
    uint32_t wirelen; /* original length on the wire (informational) */
    uint64_t ts_ns;   /* timestamp, ns since the epoch */
} cap_frame_t;

typedef struct capture {
    char *path;
    cap_frame_t *f;
    size_t n;
    char cut[160];    /* the file ends inside a frame: libpcap's words, "" if not */
} capture_t;

/* Loads every frame of path.  Returns 0, or -1 with a one-line reason in err
 * (without the "TOOL: FILE: " prefix): missing file, not a capture, link type
 * other than Ethernet, no (complete) frames.  A file cut short inside a frame
 * loads the frames before it and says why in c->cut. */
int capture_load(capture_t *c, const char *path, char *err, size_t errlen);
void capture_free(capture_t *c);

/* The same, a frame at a time: memory stays small whatever the capture's size
 * (nicrx-model --fast).  capture_open: 0, or -1 with the reason in err (a file
 * that is not a capture, not Ethernet).  capture_next: 1 with the next frame in
 * *f (f->data in libpcap's buffer: read only, valid until the next call), 0
 * after the last (r->cut as c->cut), or -1 with the reason in err (a file bad
 * after its first frames, no complete frame).  capture_close after either. */
typedef struct capture_reader {
    struct pcap *p;
    size_t n;         /* frames read */
    char cut[160];
} capture_reader_t;

int capture_open(capture_reader_t *r, const char *path, char *err, size_t errlen);
int capture_next(capture_reader_t *r, cap_frame_t *f, char *err, size_t errlen);
void capture_close(capture_reader_t *r);

#endif
