# expect 2 undefined constant 'ETH_P'
read cur+12 2 test eq ETH_P end
