# expect 2 unknown directive '.org'
.org 5
end
