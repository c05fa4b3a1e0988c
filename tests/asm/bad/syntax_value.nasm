# expect 2 syntax: 'then' needs a value
then
