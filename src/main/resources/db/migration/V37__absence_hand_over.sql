-- The hand-over of an absent executor's open appeals to their substitute (seed 002 п.4), done in batches of its own
-- transactions (workflow.HandOvers): a row is written when the absence begins, in the transaction that marks it
-- begun; each batch moves some appeals and counts them here under the row's lock; done_at is set, and the
-- coordinators told, in the transaction that finds nothing left. A row not done is taken up again by the timer tick
-- (after a restart too).
create table absence_hand_over (
    absence_id    bigint       primary key,
    staff_id      varchar(64)  not null,
    substitute_id varchar(64)  not null,
    starts_on     date         not null,
    ends_on       date         not null,
    moved         integer      not null default 0,
    -- the first numbers moved, for the coordinators' message (how many in all: moved)
    numbers       text[]       not null default '{}',
    created_at    timestamptz  not null,
    done_at       timestamptz
);
create index absence_hand_over_pending_idx on absence_hand_over (absence_id) where done_at is null;
