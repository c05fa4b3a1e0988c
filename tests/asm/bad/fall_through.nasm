# expect 3 branch outside the program: falls through past the last instruction
read cur+0 1 test eq 1 end-if-true
read cur+1 1 test eq 2 end-if-true
