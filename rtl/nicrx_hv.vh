// nicrx_hv.vh - the layout of one parser thread's frame and header vector, packed
// into one vector (rtl/nicrx_parse_engine.v stores one per thread, rtl/nicrx_parser.v
// selects the leaving frame's and unpacks it into its hv_* registers).  Included in
// the module body where PM_AW and SLOT_W are defined.  HV_<F> is field F's lowest
// bit, HV_<F>_W its width.
//   frame (set at dispatch): slot, start, len; trunc (cleared at dispatch)
//   thread state (cleared at dispatch): cls, cur, l3, l4
//   stored fields (cleared after the thread is freed): vcnt .. tflags, bits
//   HV_STORED up to HV_W
/* verilator lint_off UNUSEDPARAM */ // each includer uses a part of the layout
localparam integer HV_SLOT_W   = SLOT_W,  HV_SLOT   = 0;
localparam integer HV_START_W  = PM_AW,   HV_START  = HV_SLOT + HV_SLOT_W;
localparam integer HV_LEN_W    = 16,      HV_LEN    = HV_START + HV_START_W;
localparam integer HV_TRUNC_W  = 1,       HV_TRUNC  = HV_LEN + HV_LEN_W;
localparam integer HV_CLS_W    = 10,      HV_CLS    = HV_TRUNC + HV_TRUNC_W;
localparam integer HV_CUR_W    = 10,      HV_CUR    = HV_CLS + HV_CLS_W;
localparam integer HV_L3_W     = 10,      HV_L3     = HV_CUR + HV_CUR_W;
localparam integer HV_L4_W     = 10,      HV_L4     = HV_L3 + HV_L3_W;
localparam integer HV_VCNT_W   = 2,       HV_VCNT   = HV_L4 + HV_L4_W;
localparam integer HV_VLAN0_W  = 12,      HV_VLAN0  = HV_VCNT + HV_VCNT_W;
localparam integer HV_VLAN1_W  = 12,      HV_VLAN1  = HV_VLAN0 + HV_VLAN0_W;
localparam integer HV_PROTO_W  = 8,       HV_PROTO  = HV_VLAN1 + HV_VLAN1_W;
localparam integer HV_MF_W     = 1,       HV_MF     = HV_PROTO + HV_PROTO_W;
localparam integer HV_FOFF_W   = 13,      HV_FOFF   = HV_MF + HV_MF_W;
localparam integer HV_IPLEN_W  = 16,      HV_IPLEN  = HV_FOFF + HV_FOFF_W;
localparam integer HV_IPSET_W  = 1,       HV_IPSET  = HV_IPLEN + HV_IPLEN_W;
localparam integer HV_SRC_W    = 128,     HV_SRC    = HV_IPSET + HV_IPSET_W;
localparam integer HV_DST_W    = 128,     HV_DST    = HV_SRC + HV_SRC_W;
localparam integer HV_SPORT_W  = 16,      HV_SPORT  = HV_DST + HV_DST_W;
localparam integer HV_DPORT_W  = 16,      HV_DPORT  = HV_SPORT + HV_SPORT_W;
localparam integer HV_SEQ_W    = 32,      HV_SEQ    = HV_DPORT + HV_DPORT_W;
localparam integer HV_ACK_W    = 32,      HV_ACK    = HV_SEQ + HV_SEQ_W;
localparam integer HV_TFLAGS_W = 12,      HV_TFLAGS = HV_ACK + HV_ACK_W;
localparam integer HV_W        = HV_TFLAGS + HV_TFLAGS_W;
localparam integer HV_STORED   = HV_VCNT;
/* verilator lint_on UNUSEDPARAM */
