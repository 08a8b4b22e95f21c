-- Someone not registered is answered at most once per interval (what one chat has queued is counted on
-- outbound_message_pending_idx).
create table stranger_contact (
    telegram_user_id bigint      primary key,
    last_answered_at timestamptz not null
);
