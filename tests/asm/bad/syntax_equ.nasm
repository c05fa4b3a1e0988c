# expect 2 syntax: .equ NAME VALUE
.equ X
end
