-- PRODUCT.md §9, applicant disagreement: how many times the applicant reopened the appeal (at most 3), and whether
-- the next answer must first be approved by the secondary approver (seed 000 п.13).
alter table appeal add column reopen_count integer not null default 0;
alter table appeal add column secondary_review boolean not null default false;
alter table appeal add constraint appeal_reopen_count_range check (reopen_count between 0 and 3);
