-- Timer and card ids are handed out in blocks of 50 (Hibernate's pooled optimizer), so the registration path's
-- eight timer inserts go to the database in one JDBC batch. Nothing orders by these ids across transactions.
-- (History and outbound messages keep one-by-one ids: their order by id is their order in time, across instances.)
-- A plain SQL insert still takes its id from the same sequence and never collides with a block.
alter sequence timer_id_seq increment by 50;
alter sequence card_id_seq increment by 50;
