create table things (id int primary key);
insert into things values (1), (2), (3);
