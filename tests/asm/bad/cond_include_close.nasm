# file tests/asm/bad/inc/close.inc
# expect 2 .endif without .ifdef or .ifndef (in this file)
.equ Z 1
.ifdef Z
.include "inc/close.inc"
end
