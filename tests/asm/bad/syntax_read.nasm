# expect 2 syntax: read cur+1 needs a size
read cur+1 test eq 1 end
