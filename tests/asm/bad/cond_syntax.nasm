# expect 2 syntax: .ifdef NAME
.ifdef
end
.endif
