-- PRODUCT.md §11: reports are computed from the append-only history. Each entry keeps the answer deadline in force
-- when it was recorded, so "placed on time" is judged against the deadline of that moment even after a reopen or a
-- postponement set new terms. Earlier entries get the appeal's current deadline (the best that is known).
alter table appeal_history add column answer_due_at timestamptz;
update appeal_history h set answer_due_at = a.answer_due_at from appeal a where a.id = h.appeal_id;
create index appeal_history_type_at_idx on appeal_history (type, at);
-- A co-executor's delivered files are kept with the appeal: the retention sweep must see them as referenced.
create index co_executor_material_file_idx on co_executor_material (file_id);
-- postpone_count (V15) counts «Отложено» answers placed; recount it from the history, where a placement of one is a
-- PUBLISHED entry that left the appeal POSTPONED (V15 could not tell an approved one from a placed one).
update appeal a set postpone_count = least(2, (select count(*) from appeal_history h
 where h.appeal_id = a.id and h.type = 'PUBLISHED' and h.to_status = 'POSTPONED'));
