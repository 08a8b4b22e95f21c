-- Core schema: appeals and their history (workflow), Telegram bindings and invites (directory),
-- chat conversations, cards, processed updates and the outbound message queue (chat).

create table appeal (
    id                   bigserial primary key,
    source               varchar(16)   not null,
    external_id          varchar(100)  not null,
    category             varchar(64)   not null,
    department_id        varchar(64),
    priority             varchar(16)   not null,
    fz59                 boolean       not null,
    socially_significant boolean       not null,
    text                 text          not null,
    address              varchar(1000),
    applicant_name       varchar(300),
    applicant_phone      varchar(50),
    applicant_email      varchar(254),
    received_at          timestamptz   not null,
    due_at               timestamptz   not null,
    answer_due_at        timestamptz   not null,
    status               varchar(20)   not null,
    executor_id          varchar(64),
    step                 integer       not null,
    step_started_at      timestamptz   not null,
    postponed_once       boolean       not null default false,
    answer_type          varchar(20),
    answer_text          text,
    answer_postponed_until date,
    answer_submitted_at  timestamptz,
    answer_submitted_by  varchar(64),
    created_at           timestamptz   not null,
    version              bigint        not null,
    constraint appeal_source_external_id_key unique (source, external_id)
);
create index appeal_status_idx on appeal (status);
create index appeal_executor_status_idx on appeal (executor_id, status);
create index appeal_answer_due_idx on appeal (answer_due_at) where status <> 'CLOSED';

create table appeal_photo (
    appeal_id bigint        not null references appeal (id),
    position  integer       not null,
    url       varchar(2000) not null,
    primary key (appeal_id, position)
);

create table appeal_history (
    id          bigserial primary key,
    appeal_id   bigint       not null references appeal (id),
    at          timestamptz  not null,
    actor_id    varchar(64),
    type        varchar(40)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    executor_id varchar(64),
    comment     text
);
create index appeal_history_appeal_idx on appeal_history (appeal_id, id);

create table answer_attachment (
    appeal_id  bigint       not null references appeal (id),
    position   integer      not null,
    kind       varchar(16)  not null,
    file_id    uuid         not null,
    primary key (appeal_id, position)
);

create table stored_file (
    id          uuid primary key,
    kind        varchar(16)  not null,
    file_name   varchar(255) not null,
    mime_type   varchar(100) not null,
    size_bytes  bigint       not null,
    telegram_file_id varchar(255),
    content     bytea        not null,
    created_at  timestamptz  not null
);

create table telegram_binding (
    staff_id         varchar(64) primary key,
    telegram_user_id bigint      not null unique,
    bound_at         timestamptz not null
);

create table invite (
    code_hash  varchar(64) primary key,
    staff_id   varchar(64) not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz,
    used_by    bigint
);

create table conversation (
    telegram_user_id bigint primary key,
    chat_id          bigint      not null,
    state            varchar(32) not null,
    appeal_id        bigint,
    step             integer,
    answer_type      varchar(20),
    postponed_until  date,
    answer_text      text,
    attachments      text,
    updated_at       timestamptz not null,
    version          bigint      not null
);

create table processed_update (
    update_id    bigint primary key,
    processed_at timestamptz not null
);

create table card (
    id         bigserial primary key,
    appeal_id  bigint      not null,
    kind       varchar(32) not null,
    chat_id    bigint      not null,
    message_id integer,
    step       integer     not null,
    text       text        not null,
    active     boolean     not null,
    created_at timestamptz not null
);
create index card_appeal_idx on card (appeal_id, kind) where active;

create table outbound_message (
    id              bigserial primary key,
    chat_id         bigint       not null,
    method          varchar(32)  not null,
    payload         text         not null,
    card_id         bigint,
    priority        integer      not null,
    status          varchar(16)  not null,
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    last_error      text
);
create index outbound_message_pending_idx on outbound_message (priority, id) where status = 'PENDING';
