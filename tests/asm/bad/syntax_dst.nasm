# expect 2 unknown destination 'mac'
read cur+0 8 store mac end
