# expect 2 undefined label 'nowhere'
read cur+0 1 test eq 1 then nowhere
end
