-- Delivered and superseded messages and closed cards no longer keep their content (it may quote applicants'
-- contacts); old records are purged on a schedule (see Retention). Indexes for the purge.
update outbound_message set payload = '{}' where status in ('SENT', 'SUPERSEDED');
update card set text = '' where not active;
create index processed_update_at_idx on processed_update (processed_at);
create index outbound_message_done_idx on outbound_message (created_at) where status <> 'PENDING';
create index answer_attachment_file_idx on answer_attachment (file_id);
create index conversation_updated_idx on conversation (updated_at);
