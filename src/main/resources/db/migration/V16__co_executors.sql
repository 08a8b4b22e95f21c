-- PRODUCT.md §10, co-executors (001 §4.3, 4.6; 004 п.17): people who bring materials to the responsible executor,
-- each with their own deadline; what they delivered (text and files) is kept with the appeal.
create table appeal_co_executor (
    appeal_id    bigint       not null references appeal (id),
    position     integer      not null,
    staff_id     varchar(64)  not null,
    due_at       timestamptz  not null,
    added_at     timestamptz  not null,
    added_by     varchar(64),
    delivered_at timestamptz,
    materials    text,
    primary key (appeal_id, position)
);
create table co_executor_material (
    appeal_id  bigint       not null references appeal (id),
    position   integer      not null,
    staff_id   varchar(64)  not null,
    kind       varchar(16)  not null,
    file_id    uuid         not null,
    primary key (appeal_id, position)
);
-- A history entry belongs to a step: a change of status starts a new one, a note (a co-executor added, materials
-- delivered) is recorded in the current step without making its buttons stale. Until now every entry started one.
alter table appeal_history add column step integer;
update appeal_history h set step = r.n
  from (select id, row_number() over (partition by appeal_id order by id) - 1 as n from appeal_history) r
 where r.id = h.id;
alter table appeal_history alter column step set not null;
-- A co-executor's countdown and overdue timers are about that person.
alter table timer add column staff_id varchar(64);
