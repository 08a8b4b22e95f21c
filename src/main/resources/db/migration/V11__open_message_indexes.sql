-- The queue's own indexes cover every open message (PENDING and IN_FLIGHT): the per-chat and per-card counts ask
-- for both, and a partial index on PENDING alone left them a scan of every message kept for retention (30 days).
drop index outbound_message_pending_idx;
drop index outbound_message_card_idx;
create index outbound_message_open_idx on outbound_message (chat_id, priority, id)
    where status in ('PENDING', 'IN_FLIGHT');
create index outbound_message_open_card_idx on outbound_message (card_id) where status in ('PENDING', 'IN_FLIGHT');
