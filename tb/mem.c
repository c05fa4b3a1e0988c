/* mem.c - see mem.h. */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

#define PAGE 4096u

static size_t hash_pn(uint64_t pn, size_t n)
{
    return (size_t)((pn * 0x9e3779b97f4a7c15ull) >> 17) & (n - 1);
}

void mem_init(mem_t *m)
{
    m->nslot = 1024;
    m->used = 0;
    m->slot = calloc(m->nslot, sizeof *m->slot);
    if (!m->slot) abort();
}

void mem_free(mem_t *m)
{
    for (size_t i = 0; i < m->nslot; i++)
        free(m->slot[i].bytes);
    free(m->slot);
    memset(m, 0, sizeof *m);
}

static mem_page_t *find(const mem_t *m, uint64_t pn)
{
    size_t i = hash_pn(pn, m->nslot);
    while (m->slot[i].pn) {
        if (m->slot[i].pn == pn + 1) return &m->slot[i];
        i = (i + 1) & (m->nslot - 1);
    }
    return NULL;
}

static void grow(mem_t *m)
{
    mem_t n = { calloc(2 * m->nslot, sizeof *m->slot), 2 * m->nslot, m->used };
    if (!n.slot) abort();
    for (size_t i = 0; i < m->nslot; i++) {
        if (!m->slot[i].pn) continue;
        size_t j = hash_pn(m->slot[i].pn - 1, n.nslot);
        while (n.slot[j].pn) j = (j + 1) & (n.nslot - 1);
        n.slot[j] = m->slot[i];
    }
    free(m->slot);
    *m = n;
}

static uint8_t *page_for_write(mem_t *m, uint64_t pn)
{
    mem_page_t *p = find(m, pn);
    if (p) return p->bytes;
    if (2 * (m->used + 1) > m->nslot) grow(m);
    size_t i = hash_pn(pn, m->nslot);
    while (m->slot[i].pn) i = (i + 1) & (m->nslot - 1);
    m->slot[i].pn = pn + 1;
    m->slot[i].bytes = calloc(1, PAGE);
    if (!m->slot[i].bytes) abort();
    m->used++;
    return m->slot[i].bytes;
}

void mem_write(mem_t *m, uint64_t addr, const void *src, size_t len)
{
    const uint8_t *s = src;
    while (len) {
        size_t o = addr & (PAGE - 1), n = PAGE - o;
        if (n > len) n = len;
        memcpy(page_for_write(m, addr / PAGE) + o, s, n);
        addr += n; s += n; len -= n;
    }
}

void mem_fill(mem_t *m, uint64_t addr, uint8_t v, size_t len)
{
    while (len) {
        size_t o = addr & (PAGE - 1), n = PAGE - o;
        if (n > len) n = len;
        memset(page_for_write(m, addr / PAGE) + o, v, n);
        addr += n; len -= n;
    }
}

void mem_read(const mem_t *m, uint64_t addr, void *dst, size_t len)
{
    uint8_t *d = dst;
    while (len) {
        size_t o = addr & (PAGE - 1), n = PAGE - o;
        if (n > len) n = len;
        const mem_page_t *p = find(m, addr / PAGE);
        if (p) memcpy(d, p->bytes + o, n);
        else memset(d, 0, n);
        addr += n; d += n; len -= n;
    }
}
