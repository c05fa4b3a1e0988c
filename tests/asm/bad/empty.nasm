# expect 2 no instructions
.equ X 1
