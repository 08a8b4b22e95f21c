-- PRODUCT.md §12, the dashboard: one-time login links sent by /dashboard (valid 10 minutes) and the sessions they,
-- or a Mini App's initData, open. Only SHA-256 digests of the secrets are stored.
create table dashboard_login_link (
    token_hash bytea        primary key,
    staff_id   varchar(64)  not null,
    created_at timestamptz  not null,
    expires_at timestamptz  not null,
    used_at    timestamptz
);
create table dashboard_session (
    token_hash bytea        primary key,
    staff_id   varchar(64)  not null,
    origin     varchar(16)  not null,
    created_at timestamptz  not null,
    expires_at timestamptz  not null
);
create index dashboard_login_link_expires_idx on dashboard_login_link (expires_at);
create index dashboard_session_expires_idx on dashboard_session (expires_at);
