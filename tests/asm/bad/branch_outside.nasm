# expect 2 branch outside the program: 'after' is instruction 2 of 2
read cur+0 1 test eq 1 then after
end
after:
