# expect 4 duplicate label 'a' (first defined at
a: read cur+0 1
   end
a: end
