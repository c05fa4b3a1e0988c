// nicrx_params.vh - the ranges of nicrx_top's parameters, written once.  nicrx_top checks
// every parameter; a block checks, with the same macro, each one it relies on.  Use in a
// generate region of a module that has the parameter (NICRX_CHECK_PM_AW: the localparam).
// A bad value instantiates a module that does not exist, so Verilator, Icarus and Yosys
// all stop and name the parameter and its range.  cmodel/model.c (nicrx_params_check)
// holds the same ranges for the model.
`ifndef NICRX_PARAMS_VH
`define NICRX_PARAMS_VH

`define NICRX_POW2(v) ((v) >= 1 && (1 << $clog2(v)) == (v))

`define NICRX_CHECK_DATA_WIDTH \
    if (DATA_WIDTH != 32 && DATA_WIDTH != 64) begin : g_bad_data_width \
        nicrx_param_error_DATA_WIDTH_must_be_32_or_64 u_bad (); \
    end
// the host bus: as wide as the stream or twice as wide (a W beat carries one or two words)
`define NICRX_CHECK_AXI_DATA_WIDTH \
    if (AXI_DATA_WIDTH != DATA_WIDTH && AXI_DATA_WIDTH != 2 * DATA_WIDTH) begin : g_bad_axi_data_width \
        nicrx_param_error_AXI_DATA_WIDTH_DATA_WIDTH_or_twice_it u_bad (); \
    end
// a block on the host bus alone (nicrx_desc_fetch)
`define NICRX_CHECK_AXI_WIDTH \
    if (AXI_DATA_WIDTH != 32 && AXI_DATA_WIDTH != 64 && AXI_DATA_WIDTH != 128) begin : g_bad_axi_width \
        nicrx_param_error_AXI_DATA_WIDTH_32_64_or_128 u_bad (); \
    end
// PKT_MEM_BYTES / BPB words, PM_AW = log2 of them: NICRX_CHECK_PM_AW
`define NICRX_CHECK_PKT_MEM_BYTES \
    if (!`NICRX_POW2(PKT_MEM_BYTES) || PKT_MEM_BYTES < MAX_FRAME) begin : g_bad_pkt_mem_bytes \
        nicrx_param_error_PKT_MEM_BYTES_power_of_two_at_least_MAX_FRAME u_bad (); \
    end
// 16..32768 words (the DMA's release count is 16 bits)
`define NICRX_CHECK_PM_AW \
    if (PM_AW < 4 || PM_AW > 15) begin : g_bad_pm_aw \
        nicrx_param_error_PKT_MEM_BYTES_16_to_32768_words u_bad (); \
    end
`define NICRX_CHECK_HEADER_BYTES \
    if (HEADER_BYTES != 64 && HEADER_BYTES != 128 && HEADER_BYTES != 256) begin : g_bad_header_bytes \
        nicrx_param_error_HEADER_BYTES_64_128_or_256 u_bad (); \
    end
`define NICRX_CHECK_MAX_FRAME \
    if (MAX_FRAME < 64 || MAX_FRAME > 16383) begin : g_bad_max_frame \
        nicrx_param_error_MAX_FRAME_64_to_16383 u_bad (); \
    end
`define NICRX_CHECK_NUM_CQ \
    if (NUM_CQ != 1 && NUM_CQ != 2 && NUM_CQ != 4 && NUM_CQ != 8) begin : g_bad_num_cq \
        nicrx_param_error_NUM_CQ_1_2_4_or_8 u_bad (); \
    end
`define NICRX_CHECK_FQ_DEPTH \
    if (!`NICRX_POW2(FQ_DEPTH) || FQ_DEPTH < 2 || FQ_DEPTH > 256) begin : g_bad_fq_depth \
        nicrx_param_error_FQ_DEPTH_power_of_two_2_to_256 u_bad (); \
    end
`define NICRX_CHECK_DESC_DEPTH \
    if (!`NICRX_POW2(DESC_DEPTH) || DESC_DEPTH < 4 || DESC_DEPTH > 64) begin : g_bad_desc_depth \
        nicrx_param_error_DESC_DEPTH_power_of_two_4_to_64 u_bad (); \
    end
`define NICRX_CHECK_MAX_BURST \
    if (!`NICRX_POW2(MAX_BURST) || MAX_BURST < 2 || MAX_BURST > 256) begin : g_bad_max_burst \
        nicrx_param_error_MAX_BURST_power_of_two_2_to_256 u_bad (); \
    end \
    if (MAX_BURST * AXI_DATA_WIDTH < 256) begin : g_bad_max_burst_record \
        nicrx_param_error_MAX_BURST_beats_hold_a_32_byte_record u_bad (); \
    end
// free-buffer rings: the register map's count (regs/nicrx.regs), not a top parameter
`define NICRX_CHECK_NUM_FBR \
    if (NUM_FBR < 1 || NUM_FBR > 8) begin : g_bad_num_fbr \
        nicrx_param_error_NUM_FBR_1_to_8 u_bad (); \
    end
`define NICRX_CHECK_PARSE_ENGINES \
    if (PARSE_ENGINES != 1 && PARSE_ENGINES != 2) begin : g_bad_parse_engines \
        nicrx_param_error_PARSE_ENGINES_1_or_2 u_bad (); \
    end
`define NICRX_CHECK_IMEM_DEPTH \
    if (!`NICRX_POW2(IMEM_DEPTH) || IMEM_DEPTH < 16 || IMEM_DEPTH > 256) begin : g_bad_imem_depth \
        nicrx_param_error_IMEM_DEPTH_power_of_two_16_to_256 u_bad (); \
    end
`define NICRX_CHECK_FLOWS \
    if (!`NICRX_POW2(FLOWS) || FLOWS < 8 || FLOWS > 256) begin : g_bad_flows \
        nicrx_param_error_FLOWS_power_of_two_8_to_256 u_bad (); \
    end
`define NICRX_CHECK_RETA_SIZE \
    if (!`NICRX_POW2(RETA_SIZE) || RETA_SIZE < 16 || RETA_SIZE > 512) begin : g_bad_reta_size \
        nicrx_param_error_RETA_SIZE_power_of_two_16_to_512 u_bad (); \
    end

`endif
