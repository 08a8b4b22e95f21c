-- A new invite revokes the staff member's earlier unused ones.
alter table invite add column revoked_at timestamptz;
create index invite_staff_unused on invite (staff_id) where used_at is null and revoked_at is null;
