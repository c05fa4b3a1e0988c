# Conditional assembly (tests/t_asm.sh): assembles to the image of
# cond_expect.nasm, which writes out the lines that count.
.equ HOOK 1
.field ETYPE cur 12 2
start:      read ETYPE test eq 0x0800 else other
.ifdef HOOK
            set ipv4 then done                  # counts: HOOK is a constant
.ifndef start
            this line is not assembled           # start is a label above
.else
.ifdef ETYPE
            set tcp then done                   # counts: ETYPE is a field
.endif
.endif
.else
            set ipv6 then done                  # not assembled
.endif
.ifndef NOT_DEFINED
other:      set perr then done
.else
other:      not assembled either, nor is its label defined
.endif
.ifdef NOT_DEFINED
.ifdef HOOK
            nested in a skipped part: not assembled
.else
            nor this
.endif
.endif
done:       end
