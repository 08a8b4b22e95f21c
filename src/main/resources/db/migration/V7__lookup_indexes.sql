-- /appeal <number> looks appeals up by the portal's number in any letter case; overdue searches use the deadlines.
create index appeal_external_id_upper_idx on appeal (upper(external_id));
create index appeal_due_idx on appeal (due_at) where status <> 'CLOSED';
