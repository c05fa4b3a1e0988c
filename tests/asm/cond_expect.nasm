# What tests/asm/cond.nasm assembles to.
start:      read cur+12 2 test eq 0x0800 else other
            set ipv4 then done
            set tcp then done
other:      set perr then done
done:       end
