# expect 2 syntax: .endif takes no value
.endif X
end
