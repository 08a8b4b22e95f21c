-- Delivery hardening: retry_at is wall-clock time (429 retry_after, back-off), independent of the business clock
-- that next_attempt_at follows (quiet hours). Chats Telegram refuses (blocked, not found) are reported once.
alter table outbound_message add column retry_at timestamptz;
drop index outbound_message_pending_idx;
create index outbound_message_pending_idx on outbound_message (chat_id, id) where status = 'PENDING';
create index outbound_message_card_idx on outbound_message (card_id) where status = 'PENDING';

create table undeliverable_chat (
    chat_id     bigint primary key,
    reason      text        not null,
    reported_at timestamptz not null
);
