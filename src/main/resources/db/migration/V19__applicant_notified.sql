-- PRODUCT.md §10, executor obligations (seed 000 п.15): how the executor told the applicant the result before the
-- answer goes for approval (PHONE or EMAIL), asked for sources with notify-applicant: true.
alter table conversation add column applicant_notified varchar(16);
