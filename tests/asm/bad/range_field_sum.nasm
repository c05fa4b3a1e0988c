# expect 3 value 256 out of range for off (0..255)
.field F l3 250 2
read F+6 end
