# expect 2 adv 4: the operand is not known when the test is true
read cur+12 2 test gt 5 adv 4 end
