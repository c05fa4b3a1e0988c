# expect 2 value 4294967296 out of range for a word
.raw 0 0 0 0x100000000
