-- PRODUCT.md §9, repeat messages (seed 004 п.18): the portal number of the earlier appeal of the same source that
-- this one repeats. Kept as the portal gave it: the earlier appeal may predate the service.
alter table appeal add column repeat_of varchar(100);
