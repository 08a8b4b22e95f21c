-- Issue 22: a dashboard session or login link belongs to the Telegram account it was issued to (it stops working
-- when the staff member's account changes), a session also ends after a time without requests (last_seen_at), and a
-- Mini App's initData opens one session only (the digests of used initData are kept until it expires).
-- Sessions and links made before this version do not know their account: they are closed (people sign in again).
delete from dashboard_session;
delete from dashboard_login_link;
alter table dashboard_session add column telegram_user_id bigint not null;
alter table dashboard_session add column last_seen_at timestamptz not null;
alter table dashboard_login_link add column telegram_user_id bigint not null;
create index dashboard_session_staff_idx on dashboard_session (staff_id);
create index dashboard_login_link_staff_idx on dashboard_login_link (staff_id);
create table dashboard_init_data (
    digest     bytea        primary key,
    expires_at timestamptz  not null
);
create index dashboard_init_data_expires_idx on dashboard_init_data (expires_at);
