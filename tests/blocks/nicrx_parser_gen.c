/* nicrx_parser_gen.c - vectors for the block-level lockstep check of
 * rtl/nicrx_parser.v against nicrx_parse() (cmodel/parser.c).
 * usage: nicrx_parser_gen HEADER_BYTES COUNT SEED STIM.hex EXP.hex
 * STIM: per frame {gap[7:0], len[15:0], hdr[HEADER_BYTES*8-1:0]} (byte 0 lowest).
 * EXP:  per frame {2'b0, l3, l4, proto, vlan_cnt, vlan0, vlan1, frag, mf, frag_off,
 *                  src, dst, sport, dport, l3_off, l4_off, trunc, hash, len} = 408 bits. */
#include <stdio.h>
#include <stdlib.h>
#include "parser.h"
#include "parser_gen.h"

/* appends nbits of v, most significant first, to a bit string */
static void bits(uint8_t *bs, uint32_t *pos, uint64_t v, uint32_t nbits)
{
    while (nbits--)
        bs[(*pos)++] = (uint8_t)((v >> nbits) & 1u);
}

static void hexline(FILE *f, const uint8_t *bs, uint32_t n)
{
    uint32_t i;

    for (i = 0; i < n; i += 4)
        fputc("0123456789abcdef"[bs[i] << 3 | bs[i + 1] << 2 | bs[i + 2] << 1 | bs[i + 3]], f);
    fputc('\n', f);
}

int main(int argc, char **argv)
{
    uint32_t hb, count, c, i, pos;
    uint64_t st;
    FILE *fs, *fe;
    uint8_t raw[256], bs[8 + 16 + 2048];

    if (argc != 6)
        return 2;
    hb = (uint32_t)atoi(argv[1]);
    count = (uint32_t)atoi(argv[2]);
    st = (uint64_t)strtoull(argv[3], NULL, 0);
    fs = fopen(argv[4], "w");
    fe = fopen(argv[5], "w");
    if (!fs || !fe)
        return 1;
    for (c = 0; c < count; c++) {
        nicrx_hv_t hv;
        uint32_t len = pg_frame(&st, raw);
        uint32_t gap = pg_pick(&st, 3) ? 0 : pg_pick(&st, 6);

        nicrx_parse(raw, len, hb, &hv);
        pos = 0;
        bits(bs, &pos, gap, 8);
        bits(bs, &pos, len, 16);
        for (i = hb; i-- > 0;)
            bits(bs, &pos, raw[i], 8);
        hexline(fs, bs, pos);
        pos = 0;
        bits(bs, &pos, 0, 2);
        bits(bs, &pos, hv.l3, 2);
        bits(bs, &pos, hv.l4, 2);
        bits(bs, &pos, hv.proto, 8);
        bits(bs, &pos, hv.vlan_cnt, 2);
        bits(bs, &pos, hv.vlan[0], 12);
        bits(bs, &pos, hv.vlan[1], 12);
        bits(bs, &pos, hv.frag, 1);
        bits(bs, &pos, hv.mf, 1);
        bits(bs, &pos, hv.frag_off, 13);
        for (i = 0; i < 16; i++)
            bits(bs, &pos, hv.src[i], 8);
        for (i = 0; i < 16; i++)
            bits(bs, &pos, hv.dst[i], 8);
        bits(bs, &pos, hv.sport, 16);
        bits(bs, &pos, hv.dport, 16);
        bits(bs, &pos, hv.l3_off, 8);
        bits(bs, &pos, hv.l4_off, 8);
        bits(bs, &pos, hv.truncated, 1);
        bits(bs, &pos, hv.hash, 32);
        bits(bs, &pos, len, 16);
        hexline(fe, bs, pos);
    }
    fclose(fs);
    fclose(fe);
    return 0;
}
