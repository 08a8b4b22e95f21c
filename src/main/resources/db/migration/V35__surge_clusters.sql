-- Surges (issue 25, PRODUCT.md §13.2; seed 002 п.11, 004 п.25): the normalised street and address of each appeal
-- (workflow.AddressKey) and the cluster a surge linked it to (the id of the cluster's first appeal).
alter table appeal add column street_key varchar(1000);
alter table appeal add column address_key varchar(1000);
alter table appeal add column cluster_id bigint;
create index appeal_street_key_idx on appeal (category, street_key, received_at) where street_key is not null;
create index appeal_cluster_idx on appeal (cluster_id) where cluster_id is not null;
