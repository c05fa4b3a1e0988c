# expect 2 cannot open 'tests/asm/bad/nothere.inc'
.include "nothere.inc"
end
