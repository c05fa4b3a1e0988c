# args --depth 2
# expect 5 program too large: more than 2 instructions (--depth 2)
nop
nop
end
