-- PRODUCT.md §11: a scheduled report goes out once per occurrence, whichever instance gets there first.
create table report_run (
    run_key varchar(40) primary key,
    ran_at  timestamptz not null
);
