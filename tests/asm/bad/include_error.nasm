# file tests/asm/bad/inc/broken.inc
# expect 3 value 9 out of range for size
.include "inc/broken.inc"
