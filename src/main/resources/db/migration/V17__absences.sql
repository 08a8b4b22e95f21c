-- PRODUCT.md §10, absences (seed 002 п.4): while a person is away their appeals, cards and reminders go to their
-- substitute. begun: the absence has started and its appeals were handed over (once, by whichever instance).
create table absence (
    id         bigserial    primary key,
    staff_id   varchar(64)  not null,
    starts_on  date         not null,
    ends_on    date         not null,
    begun      boolean      not null default false,
    created_at timestamptz  not null,
    constraint absence_dates check (ends_on >= starts_on)
);
create index absence_staff_idx on absence (staff_id, ends_on);
create index absence_pending_idx on absence (starts_on) where not begun;
