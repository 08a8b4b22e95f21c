-- A second messenger (MAX, issue 24): every queued message, card, conversation, handled update, unreachable chat and
-- stranger belongs to one messenger; the same number in two messengers is two different chats. Existing rows are
-- Telegram's. Message ids are the messenger's own strings (MAX: "mid...."; Telegram's integers as text).
alter table outbound_message add column messenger varchar(16) not null default 'TELEGRAM';
drop index outbound_message_open_idx;
create index outbound_message_open_idx on outbound_message (messenger, chat_id, priority, id)
    where status in ('PENDING', 'IN_FLIGHT');
drop index outbound_message_in_flight_idx;
create index outbound_message_in_flight_idx on outbound_message (messenger, chat_id, lease_until)
    where status = 'IN_FLIGHT';

alter table undeliverable_chat add column messenger varchar(16) not null default 'TELEGRAM';
alter table undeliverable_chat drop constraint undeliverable_chat_pkey;
alter table undeliverable_chat add primary key (messenger, chat_id);

alter table card add column messenger varchar(16) not null default 'TELEGRAM';
alter table card alter column message_id type varchar(128) using message_id::text;
drop index card_message_idx;
create index card_message_idx on card (messenger, chat_id, message_id) where message_id is not null;

alter table conversation add column messenger varchar(16) not null default 'TELEGRAM';
alter table conversation drop constraint conversation_pkey;
alter table conversation add primary key (messenger, telegram_user_id);
alter table conversation rename column telegram_user_id to user_id;

alter table processed_update add column messenger varchar(16) not null default 'TELEGRAM';
alter table processed_update alter column update_id type varchar(128) using update_id::text;
alter table processed_update drop constraint processed_update_pkey;
alter table processed_update add primary key (messenger, update_id);

alter table stranger_contact add column messenger varchar(16) not null default 'TELEGRAM';
alter table stranger_contact drop constraint stranger_contact_pkey;
alter table stranger_contact add primary key (messenger, telegram_user_id);
alter table stranger_contact rename column telegram_user_id to user_id;

-- MAX's limits in buckets of their own: its chat ids are not Telegram's.
create table max_rate_bucket (
    id         bigint primary key,
    state      bytea,
    expires_at bigint
);
create index max_rate_bucket_expires_idx on max_rate_bucket (expires_at);
