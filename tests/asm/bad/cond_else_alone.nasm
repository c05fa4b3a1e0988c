# expect 3 .else without .ifdef or .ifndef (in this file)
nop
.else
end
