-- a query kept as a file
select 1 as one
