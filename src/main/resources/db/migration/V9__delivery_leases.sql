-- Delivery off the transaction: a claimed message is IN_FLIGHT under a lease (owner, expiry in wall-clock time);
-- the Bot API is called with no transaction open; an expired lease (a crashed instance) makes it claimable again.
alter table outbound_message add column lease_until timestamptz;
alter table outbound_message add column lease_owner varchar(64);
create index outbound_message_in_flight_idx on outbound_message (chat_id, lease_until) where status = 'IN_FLIGHT';

-- Telegram's limits held by every instance together: bucket4j token buckets (PostgreSQL back-end).
create table rate_bucket (
    id         bigint primary key,
    state      bytea,
    expires_at bigint
);
create index rate_bucket_expires_idx on rate_bucket (expires_at);
