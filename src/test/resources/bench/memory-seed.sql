-- The memory benchmark's data (issue 26), used by MemoryBenchmarkTest and scripts/memory-benchmark.sh: {appeals} open
-- appeals received over the last four weeks in four departments (a tenth HIGH, a tenth past their answer deadline,
-- 70 % awaiting acceptance) with two history entries, 8 pending timers due in 10-30 days and an active executor card
-- each (the executors' Telegram ids are the benchmark's), and {messages} messages queued to 1,000 chats.
insert into appeal (source, external_id, category, department_id, priority, fz59, socially_significant,
  text, address, applicant_name, applicant_phone, received_at, due_at, answer_due_at, status,
  executor_id, step, step_started_at, created_at, version)
select (array['DOBRODEL','POS','ECUR','INCIDENT'])[1 + g % 4], 'SEED-' || g,
  (array['roads','buildings','snow','waste'])[1 + g % 4],
  (array['roads','housing','improvement','ecology'])[1 + g % 4],
  case when g % 10 = 0 then 'HIGH' else 'NORMAL' end, false, false,
  'Текст обращения ' || g || ': яма во дворе, просим принять меры', 'г. Руза, ул. Солнцева, ' || g,
  'Иванов И.И.', '+79990001122', r, r + interval '30 days', now() + (g % 300 - 30) * interval '1 hour',
  case when g % 10 < 7 then 'ASSIGNED' else 'IN_PROGRESS' end,
  (array['morozov','petrova','zaitsev','nikitina'])[1 + g % 4], 1, r, r, 0
from (select g, now() - (g % 28) * interval '1 day' - (g % 600) * interval '1 minute' as r
      from generate_series(1, {appeals}) g) s;

insert into appeal_history (appeal_id, at, actor_id, type, from_status, to_status, executor_id, step, answer_due_at)
select a.id, a.received_at, null, 'REGISTERED', null, 'NEW', null, 0, a.answer_due_at from appeal a
union all
select a.id, a.received_at, null, 'ASSIGNED', 'NEW', 'ASSIGNED', a.executor_id, 1, a.answer_due_at from appeal a;

insert into timer (appeal_id, kind, level, step, due_at, status, created_at)
select a.id, k.kind, k.level, 1, now() + interval '10 days' + (random() * interval '20 days'), 'PENDING', now()
from appeal a cross join (values ('LADDER', 1), ('LADDER', 2), ('LADDER', 3), ('AUTO_ACCEPT', 0),
    ('BEFORE_DUE', 1), ('BEFORE_DUE', 2), ('BEFORE_DUE', 3), ('OVERDUE', 0)) k(kind, level);

insert into card (appeal_id, kind, messenger, chat_id, message_id, step, text, active, created_at)
select a.id, 'EXECUTOR', 'TELEGRAM', case a.executor_id when 'morozov' then 600003 when 'petrova' then 600001
    when 'zaitsev' then 600005 else 600006 end, null, 1, 'Обращение ' || a.external_id, true, a.received_at
from appeal a;

insert into outbound_message (chat_id, method, payload, priority, status, attempts, next_attempt_at, created_at)
select 3000000 + g % 1000, 'SEND_MESSAGE', '{"text":"Сообщение ' || g || '"}', 2, 'PENDING', 0, now(), now()
from generate_series(0, {messages} - 1) g;

analyze;
