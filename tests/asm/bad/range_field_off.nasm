# expect 2 value 300 out of range for off (0..255)
.field F l3 300 2
end
