-- Issue 24 (PRODUCT.md §14): a staff member may be bound to Telegram, to MAX, or to both. A binding is per
-- (staff member, messenger); a user id binds at most one person in its messenger (the same number in two messengers
-- is two different people). The Telegram bindings made so far become TELEGRAM bindings.
create table account_binding (
    staff_id  varchar(64) not null,
    messenger varchar(16) not null,
    user_id   bigint      not null,
    bound_at  timestamptz not null,
    primary key (staff_id, messenger),
    constraint account_binding_account_key unique (messenger, user_id)
);
insert into account_binding (staff_id, messenger, user_id, bound_at)
    select staff_id, 'TELEGRAM', telegram_user_id, bound_at from telegram_binding;
drop table telegram_binding;

-- The messenger a person bound in both chose with /messenger (it outranks staff.yml's messenger).
create table messenger_choice (
    staff_id   varchar(64) primary key,
    messenger  varchar(16) not null,
    chosen_at  timestamptz not null
);

-- The messenger an invite was redeemed in (used_by is a user id of that messenger).
alter table invite add column used_in varchar(16);
update invite set used_in = 'TELEGRAM' where used_by is not null;

-- A dashboard session or login link belongs to the account it was issued to, in either messenger.
alter table dashboard_session rename column telegram_user_id to user_id;
alter table dashboard_session add column messenger varchar(16) not null default 'TELEGRAM';
alter table dashboard_login_link rename column telegram_user_id to user_id;
alter table dashboard_login_link add column messenger varchar(16) not null default 'TELEGRAM';
