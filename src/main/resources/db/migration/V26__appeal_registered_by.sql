-- PRODUCT.md §15: the API connector (APPEALDESK_API_TOKENS entry name) that registered the appeal; a connector with
-- the 'intake' scope reads only what it registered. Appeals registered earlier stay null: only 'read' reaches them.
alter table appeal add column registered_by varchar(64);
create index appeal_registered_by_idx on appeal (registered_by) where registered_by is not null;
