# expect 3 duplicate name 'X'
.equ X 1
.field X cur 0 2
end
