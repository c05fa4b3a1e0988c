// nicrx_uart_bridge - a UART (8N1) to the core's AXI4-Lite registers and the board's own
// (docs/board.md "UART protocol", bit by bit; host/nicrx_uart.c is the other end).
//
// Request, 9 bytes: 0xA5, CMD ('R' 0x52 read, 'W' 0x57 write), ADDR (16 bits, low byte
// first: 0x0000-0x0FFF the core's registers, 0x1000-0x1FFF the board's), DATA (32 bits, low
// byte first; ignored by a read), CHK (the eight bytes after 0xA5 sum to 0 modulo 256).
// Response, 7 bytes: 0x5A, STATUS, DATA (32 bits, low byte first: the value read, 0 for a
// write), CHK (the six bytes after 0x5A sum to 0).  STATUS: 0 done, 1 bad checksum, 2 bad
// command or address, 3 the core answered SLVERR or DECERR, 4 no answer in BUS_TIMEOUT cycles.
// Bytes before a 0xA5 are skipped; a request whose bytes stop for GAP_BITS bit times is
// forgotten (no response), and so is a byte with a bad stop bit, so a host that gives up
// and starts again finds the bridge waiting for 0xA5.  The board's registers: brd_rd for
// one cycle with brd_addr, brd_rdata the cycle after; brd_wr with brd_addr and brd_wdata.
`timescale 1ns / 1ps
`default_nettype none
module nicrx_uart_bridge #(
    parameter integer CLKS_PER_BIT = 543,   // 62.5 MHz / 115200
    parameter integer GAP_BITS     = 200,
    parameter integer BUS_TIMEOUT  = 4096
) (
    input  wire        clk,
    input  wire        rst,
    input  wire        uart_rx,
    output reg         uart_tx,
    output reg  [11:0] m_axil_awaddr,
    output reg         m_axil_awvalid,
    input  wire        m_axil_awready,
    output reg  [31:0] m_axil_wdata,
    output wire [3:0]  m_axil_wstrb,
    output reg         m_axil_wvalid,
    input  wire        m_axil_wready,
    input  wire [1:0]  m_axil_bresp,
    input  wire        m_axil_bvalid,
    output wire        m_axil_bready,
    output reg  [11:0] m_axil_araddr,
    output reg         m_axil_arvalid,
    input  wire        m_axil_arready,
    input  wire [31:0] m_axil_rdata,
    input  wire [1:0]  m_axil_rresp,
    input  wire        m_axil_rvalid,
    output wire        m_axil_rready,
    output reg  [11:0] brd_addr,
    output reg         brd_rd,
    output reg         brd_wr,
    output wire [31:0] brd_wdata,
    input  wire [31:0] brd_rdata
);
    localparam [7:0] SYNC_REQ = 8'ha5, SYNC_RSP = 8'h5a, CMD_RD = 8'h52, CMD_WR = 8'h57;
    localparam [7:0] ST_OK = 8'd0, ST_CHK = 8'd1, ST_BAD = 8'd2, ST_BUS = 8'd3, ST_TIMEOUT = 8'd4;
    localparam integer CW = 32;   // bit-time and timeout counters
    localparam [CW-1:0] BIT = CLKS_PER_BIT, HALF = CLKS_PER_BIT / 2, GAP = GAP_BITS * CLKS_PER_BIT,
                        BUS_T = BUS_TIMEOUT;

    assign m_axil_wstrb = 4'hf;
    assign m_axil_bready = 1'b1;
    assign m_axil_rready = 1'b1;

    // ---- receiver: two flip-flops, then a start bit sampled in its middle ----
    reg          rx_s1, rx_s2;
    reg [CW-1:0] rx_cnt_reg;
    reg [3:0]    rx_bit_reg;     // 0 idle, 1 start, 2..9 data, 10 stop
    reg [7:0]    rx_sh_reg;
    reg          rx_valid_reg;   // a byte with a good stop bit, one cycle
    reg          rx_ferr_reg;    // a bad stop bit, one cycle
    always @(posedge clk) begin
        rx_s1 <= uart_rx;
        rx_s2 <= rx_s1;
        rx_valid_reg <= 1'b0;
        rx_ferr_reg <= 1'b0;
        if (rst) begin
            rx_s1 <= 1'b1;
            rx_s2 <= 1'b1;
            rx_bit_reg <= 4'd0;
        end else if (rx_bit_reg == 4'd0) begin
            if (!rx_s2) begin
                rx_bit_reg <= 4'd1;
                rx_cnt_reg <= HALF;
            end
        end else if (rx_cnt_reg != 0) begin
            rx_cnt_reg <= rx_cnt_reg - 1'b1;
        end else begin
            rx_cnt_reg <= BIT - 1'b1;
            case (rx_bit_reg)
            4'd1:    rx_bit_reg <= rx_s2 ? 4'd0 : 4'd2;   // a glitch, not a start bit
            4'd10: begin
                rx_bit_reg <= 4'd0;
                rx_valid_reg <= rx_s2;
                rx_ferr_reg <= !rx_s2;
            end
            default: begin
                rx_sh_reg <= {rx_s2, rx_sh_reg[7:1]};
                rx_bit_reg <= rx_bit_reg + 4'd1;
            end
            endcase
        end
    end

    // ---- transmitter: tx_go loads a byte, tx_busy until its stop bit has lasted a bit time ----
    reg          tx_go;
    reg  [7:0]   tx_byte;
    reg  [9:0]   tx_sh_reg;
    reg  [3:0]   tx_n_reg;
    reg [CW-1:0] tx_cnt_reg;
    wire         tx_busy = tx_n_reg != 0;
    always @(posedge clk) begin
        if (rst) begin
            uart_tx <= 1'b1;
            tx_n_reg <= 4'd0;
        end else if (tx_go) begin
            tx_sh_reg <= {1'b1, tx_byte, 1'b0};
            tx_n_reg <= 4'd11;   // start, 8 data, stop, and the stop bit's whole time
            tx_cnt_reg <= 0;
        end else if (tx_busy) begin
            if (tx_cnt_reg != 0) begin
                tx_cnt_reg <= tx_cnt_reg - 1'b1;
            end else begin
                uart_tx <= tx_sh_reg[0];
                tx_sh_reg <= {1'b1, tx_sh_reg[9:1]};
                tx_n_reg <= tx_n_reg - 4'd1;
                tx_cnt_reg <= BIT - 1'b1;
            end
        end
    end

    // ---- the request: bytes 1..8 after the 0xA5 ----
    localparam [2:0] S_SYNC = 3'd0, S_REQ = 3'd1, S_EXEC = 3'd2, S_BUS = 3'd3, S_BRD = 3'd4,
                     S_BRD2 = 3'd5, S_RSP = 3'd6;
    reg [2:0]    st_reg;
    reg [3:0]    n_reg;          // request bytes taken after 0xA5; response bytes sent
    reg [63:0]   req_reg;        // CMD, ADDR, DATA, CHK: byte 1 in bits [7:0]
    reg [7:0]    sum_reg;
    reg [CW-1:0] gap_reg;
    reg [7:0]    status_reg;
    reg [31:0]   rdata_reg;
    wire [7:0]   cmd = req_reg[7:0];
    wire [15:0]  addr = req_reg[23:8];
    assign brd_wdata = req_reg[55:24];
    // the response, byte i in bits [8i+7:8i]
    wire [7:0]   rsp_chk = 8'd0 - (status_reg + rdata_reg[7:0] + rdata_reg[15:8] + rdata_reg[23:16] + rdata_reg[31:24]);
    wire [55:0]  rsp = {rsp_chk, rdata_reg, status_reg, SYNC_RSP};

    integer i;
    always @(posedge clk) begin
        tx_go <= 1'b0;
        brd_rd <= 1'b0;
        brd_wr <= 1'b0;
        if (rst) begin
            st_reg <= S_SYNC;
            m_axil_awvalid <= 1'b0;
            m_axil_wvalid <= 1'b0;
            m_axil_arvalid <= 1'b0;
        end else begin
            case (st_reg)
            S_SYNC:
                if (rx_valid_reg && rx_sh_reg == SYNC_REQ) begin
                    st_reg <= S_REQ;
                    n_reg <= 4'd0;
                    sum_reg <= 8'd0;
                    gap_reg <= 0;
                end
            S_REQ:
                if (rx_ferr_reg || gap_reg == GAP) begin
                    st_reg <= S_SYNC;
                end else if (rx_valid_reg) begin
                    req_reg <= {rx_sh_reg, req_reg[63:8]};
                    sum_reg <= sum_reg + rx_sh_reg;
                    gap_reg <= 0;
                    n_reg <= n_reg + 4'd1;
                    if (n_reg == 4'd7) st_reg <= S_EXEC;
                end else begin
                    gap_reg <= gap_reg + 1'b1;
                end
            S_EXEC: begin
                n_reg <= 4'd0;
                rdata_reg <= 32'd0;
                status_reg <= ST_OK;
                gap_reg <= 0;
                m_axil_awaddr <= addr[11:0];
                m_axil_araddr <= addr[11:0];
                m_axil_wdata <= req_reg[55:24];
                brd_addr <= addr[11:0];
                if (sum_reg != 8'd0) begin
                    status_reg <= ST_CHK;
                    st_reg <= S_RSP;
                end else if ((cmd != CMD_RD && cmd != CMD_WR) || addr[15:13] != 3'd0) begin
                    status_reg <= ST_BAD;
                    st_reg <= S_RSP;
                end else if (addr[12]) begin
                    brd_rd <= cmd == CMD_RD;
                    brd_wr <= cmd == CMD_WR;
                    st_reg <= S_BRD;
                end else begin
                    m_axil_arvalid <= cmd == CMD_RD;
                    m_axil_awvalid <= cmd == CMD_WR;
                    m_axil_wvalid <= cmd == CMD_WR;
                    st_reg <= S_BUS;
                end
            end
            S_BRD:       // brd_rd is high in this cycle; its data comes in the next
                st_reg <= S_BRD2;
            S_BRD2: begin
                if (cmd == CMD_RD) rdata_reg <= brd_rdata;
                st_reg <= S_RSP;
            end
            S_BUS: begin
                if (m_axil_arvalid && m_axil_arready) m_axil_arvalid <= 1'b0;
                if (m_axil_awvalid && m_axil_awready) m_axil_awvalid <= 1'b0;
                if (m_axil_wvalid && m_axil_wready) m_axil_wvalid <= 1'b0;
                gap_reg <= gap_reg + 1'b1;
                if (m_axil_rvalid && cmd == CMD_RD) begin
                    rdata_reg <= m_axil_rdata;
                    if (m_axil_rresp != 2'b00) status_reg <= ST_BUS;
                    st_reg <= S_RSP;
                end else if (m_axil_bvalid && cmd == CMD_WR) begin
                    if (m_axil_bresp != 2'b00) status_reg <= ST_BUS;
                    st_reg <= S_RSP;
                end else if (gap_reg == BUS_T) begin
                    // the request stays on its channels until taken; the answer is lost
                    status_reg <= ST_TIMEOUT;
                    st_reg <= S_RSP;
                end
            end
            default: // S_RSP: one byte after the other
                if (!tx_busy && !tx_go) begin
                    if (n_reg == 4'd7) begin
                        st_reg <= S_SYNC;
                    end else begin
                        for (i = 0; i < 7; i = i + 1)
                            if (n_reg == i[3:0]) tx_byte <= rsp[i*8 +: 8];
                        tx_go <= 1'b1;
                        n_reg <= n_reg + 4'd1;
                    end
                end
            endcase
        end
    end
endmodule
`default_nettype wire
