# expect 3 .endif without .ifdef or .ifndef (in this file)
end
.endif
