# expect 3 .ifdef without .endif
.equ X 1
.ifdef X
end
.ifndef X
nop
.endif
