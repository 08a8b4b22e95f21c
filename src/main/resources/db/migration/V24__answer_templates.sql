-- Seed 000 п.1, 3, 6: the «вариант решения» an answer was made from (templates.yml id), on its ANSWER_SUBMITTED
-- entry, so that reports can count how answers were written.
alter table appeal_history add column template_id varchar(32);
-- the template a half-written answer was filled from (kept across restarts like the rest of the draft)
alter table conversation add column template_id varchar(32);
