-- Keyset paging of the vehicle list (ORDER BY plate, id; the next page starts at
-- (plate, id) > (?, ?)) reads a range of this index instead of every row it skips.
-- The unique index on upper(plate) cannot serve it: the list sorts by plate as stored.
create index vehicles_plate_sort_idx on vehicles (plate, id);
