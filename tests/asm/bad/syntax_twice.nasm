# expect 2 clause 'mask' given twice
read cur+0 2 mask 1 mask 2 end
