# expect 2 bad name 'tcp'
tcp: end
