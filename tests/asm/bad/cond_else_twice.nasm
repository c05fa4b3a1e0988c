# expect 6 a second .else for the .ifndef at line 3
.equ X 1
.ifndef X
nop
.else
.else
.endif
end
