-- Timers of the sla module: reminders, auto-accept, deadline countdown, overdue alert, ЕЦУР claim deadline.
-- held_status: a message-only timer that fell due outside working time waits for the next working period; it has
-- fired (the status the appeal had then is kept) and a later change of step no longer cancels it.
-- Due timers are found through the partial index; per-tick cost follows the number of due timers, not of appeals.
create table timer (
    id         bigserial primary key,
    appeal_id  bigint      not null references appeal (id),
    kind       varchar(16) not null,
    level      integer     not null,
    step       integer     not null,
    due_at     timestamptz not null,
    status     varchar(16) not null,
    held_status varchar(20),
    created_at timestamptz not null,
    fired_at   timestamptz
);
create index timer_due_idx on timer (due_at) where status = 'PENDING';
create index timer_appeal_idx on timer (appeal_id) where status = 'PENDING';
