/* names.c - the names of the public enumerations (nicrx_model.h), one table each, so
 * every report, JSON line and message spells them the same way. */
#include "nicrx_isa.h"
#include "nicrx_model.h"

static const char *pick(const char *const *names, uint32_t n, uint32_t i)
{
    return i < n ? names[i] : "unknown";
}

const char *nicrx_reason_name(uint32_t reason)
{
    static const char *const names[NICRX_NUM_REASONS] = {
        "none", "bad_frame", "runt", "oversize", "pktmem_full", "disabled", "no_fit", "no_cq", "red_early", "red_forced",
        "no_buf",
    };
    return pick(names, NICRX_NUM_REASONS, reason);
}

const char *nicrx_opcode_name(uint32_t opcode)
{
    static const char *const names[NICRX_NUM_OPCODES] = {
        "not_tcp", "tcp_other", "no_flow", "ctrl", "first", "cont", "ooo", "short", "no_merge",
    };
    return pick(names, NICRX_NUM_OPCODES, opcode);
}

const char *nicrx_flow_event_name(uint32_t flow_event)
{
    static const char *const names[NICRX_NUM_FLOW_EVENTS] = {
        "none", "created", "updated", "removed", "aged", "evicted",
    };
    return pick(names, NICRX_NUM_FLOW_EVENTS, flow_event);
}

const char *nicrx_reasm_reason_name(uint32_t reason)
{
    static const char *const names[NICRX_NUM_REASM_REASONS] = {
        "none", "opcode", "flags", "page", "bytes", "segs", "gen", "timeout", "flush", "drop",
    };
    return pick(names, NICRX_NUM_REASM_REASONS, reason);
}

const char *nicrx_class_name(uint32_t bit)
{
    static const char *const names[NICRX_NUM_CLASS] = {
        "ipv4", "ipv6", "tcp", "udp", "l4other", "presel", "ctrl", "noassist", "session", "perr",
    };
    return pick(names, NICRX_NUM_CLASS, bit);
}
