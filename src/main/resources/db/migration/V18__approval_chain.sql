-- PRODUCT.md §10: the answer under review may be handed to another approver (003 Руководитель), and a department's
-- approval chain is walked in order (001 §4.6): chain_position is the index of the chain member who approves next.
alter table appeal add column review_delegate varchar(64);
alter table appeal add column chain_position integer not null default 0;
