# file tests/asm/bad/inc/open.inc
# expect 2 .ifndef without .endif
.include "inc/open.inc"
end
.endif
