# expect 2 syntax: test REL VALUE
read cur+0 1 test is 1 end
