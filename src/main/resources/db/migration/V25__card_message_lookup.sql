-- A press names the message it came from: find that message's card to refuse buttons of a retired one.
create index card_message_idx on card (chat_id, message_id) where message_id is not null;
