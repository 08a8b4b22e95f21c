-- PRODUCT.md §9, postponed answers: an appeal may be postponed twice (the second time after the secondary approver,
-- seed 000 п.14). The count replaces the flag; it counts «Отложено» answers placed on the portal (the flag was set on
-- approval, so an approved «Отложено» not yet placed is not counted: its placement will count it).
alter table appeal add column postpone_count integer not null default 0;
update appeal set postpone_count = 1
 where postponed_once and not (status = 'APPROVED' and answer_type = 'POSTPONED');
alter table appeal drop column postponed_once;
alter table appeal add constraint appeal_postpone_count_range check (postpone_count between 0 and 2);
