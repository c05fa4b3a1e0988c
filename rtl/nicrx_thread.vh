// nicrx_thread.vh - the layout of one parser thread's frame and header vector, packed
// into one vector (rtl/nicrx_parse_engine.v reads a thread's from its LUT RAMs,
// rtl/nicrx_parser.v registers the leaving frame's and turns it into the hv stream,
// rtl/nicrx_stream_hv.vh).
// It never leaves the parser and has no C twin (cmodel/isa.h keeps a thread's state),
// so it is written here rather than in rtl/nicrx_streams.txt.  Included in the module
// body where PM_AW and SLOT_W are defined.  TH_<F> is field F's lowest bit, TH_<F>_W
// its width.
//   frame (set at dispatch): slot, start, len
//   thread state (0 at dispatch): trunc, cls, cur, l3, l4, vcnt
//   stored fields (0 until stored): vlan0 .. win; ipset says iplen was stored
/* verilator lint_off UNUSEDPARAM */ // each includer uses a part of the layout
localparam integer TH_SLOT_W   = SLOT_W,  TH_SLOT   = 0;
localparam integer TH_START_W  = PM_AW,   TH_START  = TH_SLOT + TH_SLOT_W;
localparam integer TH_LEN_W    = 16,      TH_LEN    = TH_START + TH_START_W;
localparam integer TH_TRUNC_W  = 1,       TH_TRUNC  = TH_LEN + TH_LEN_W;
localparam integer TH_CLS_W    = 10,      TH_CLS    = TH_TRUNC + TH_TRUNC_W;
localparam integer TH_CUR_W    = 10,      TH_CUR    = TH_CLS + TH_CLS_W;
localparam integer TH_L3_W     = 10,      TH_L3     = TH_CUR + TH_CUR_W;
localparam integer TH_L4_W     = 10,      TH_L4     = TH_L3 + TH_L3_W;
localparam integer TH_VCNT_W   = 2,       TH_VCNT   = TH_L4 + TH_L4_W;
localparam integer TH_VLAN0_W  = 12,      TH_VLAN0  = TH_VCNT + TH_VCNT_W;
localparam integer TH_VLAN1_W  = 12,      TH_VLAN1  = TH_VLAN0 + TH_VLAN0_W;
localparam integer TH_PROTO_W  = 8,       TH_PROTO  = TH_VLAN1 + TH_VLAN1_W;
localparam integer TH_MF_W     = 1,       TH_MF     = TH_PROTO + TH_PROTO_W;
localparam integer TH_FOFF_W   = 13,      TH_FOFF   = TH_MF + TH_MF_W;
localparam integer TH_IPLEN_W  = 16,      TH_IPLEN  = TH_FOFF + TH_FOFF_W;
localparam integer TH_IPSET_W  = 1,       TH_IPSET  = TH_IPLEN + TH_IPLEN_W;
localparam integer TH_SRC_W    = 128,     TH_SRC    = TH_IPSET + TH_IPSET_W;
localparam integer TH_DST_W    = 128,     TH_DST    = TH_SRC + TH_SRC_W;
localparam integer TH_SPORT_W  = 16,      TH_SPORT  = TH_DST + TH_DST_W;
localparam integer TH_DPORT_W  = 16,      TH_DPORT  = TH_SPORT + TH_SPORT_W;
localparam integer TH_SEQ_W    = 32,      TH_SEQ    = TH_DPORT + TH_DPORT_W;
localparam integer TH_ACK_W    = 32,      TH_ACK    = TH_SEQ + TH_SEQ_W;
localparam integer TH_TFLAGS_W = 12,      TH_TFLAGS = TH_ACK + TH_ACK_W;
localparam integer TH_WIN_W    = 16,      TH_WIN    = TH_TFLAGS + TH_TFLAGS_W;
localparam integer TH_W        = TH_WIN + TH_WIN_W;
/* verilator lint_on UNUSEDPARAM */
