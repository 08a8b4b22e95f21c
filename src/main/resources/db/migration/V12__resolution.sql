-- PRODUCT.md §9: a closed appeal says how it ended. Appeals closed before this version were all published.
alter table appeal add column resolution varchar(16);
update appeal set resolution = 'PUBLISHED' where status = 'CLOSED';
alter table appeal add constraint appeal_closed_has_resolution
    check ((status = 'CLOSED') = (resolution is not null));
