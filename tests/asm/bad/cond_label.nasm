# expect 3 .ifdef cannot follow a label
.equ X 1
start: .ifdef X
end
.endif
