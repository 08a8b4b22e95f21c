-- History entries keep facts, not sentences (issue 23): a generated entry stores its arguments in args and the
-- sentence is put together from messages_ru.properties when it is shown; comment keeps only what a person wrote
-- (a reason, a comment, the previous answer). args NULL: comment is the whole text, as before.
-- Rows written before this version carry the sentence in comment: the sentences this code wrote are turned into
-- facts here; a row that matches none of them keeps its comment and no args, and is shown as it was stored.
ALTER TABLE appeal_history ADD COLUMN args text[];

-- sentences without arguments
UPDATE appeal_history SET args = '{}', comment = NULL
WHERE (type = 'AUTO_ACCEPTED' AND comment = 'Принято в работу автоматически: срок на возврат истёк')
   OR (type = 'CLAIM_EXPIRED'
       AND comment = 'Не принято в работу до установленного времени: передано координаторам для назначения')
   OR (type = 'RETURN_REJECTED' AND comment = 'Возврат отклонён, обращение остаётся за исполнителем')
   OR (type = 'POSTPONED_CONFIRMED' AND comment = 'Отложенное обращение: исполнитель подтверждён')
   OR (type = 'REASSIGNED' AND comment = 'Отложенное обращение: назначен исполнитель')
   OR (type = 'SUBSTITUTED' AND comment = 'Исполнитель отсутствует: обращение передано заместителю')
   OR (type = 'PUBLISHED' AND comment = 'Ответ размещён на портале')
   OR (type = 'TO_OPERATOR' AND comment = 'Передано оператору Единой системы после третьего несогласия заявителя')
   OR (type = 'REDIRECT_REJECTED' AND comment = 'Перенаправление не согласовано');

-- one of a few sentences: the choice is the argument
UPDATE appeal_history SET args = ARRAY['PHONE'], comment = NULL
WHERE type = 'APPLICANT_NOTIFIED' AND comment = 'Заявитель уведомлён по телефону';
UPDATE appeal_history SET args = ARRAY['EMAIL'], comment = NULL
WHERE type = 'APPLICANT_NOTIFIED' AND comment = 'Информация направлена заявителю на e-mail';
UPDATE appeal_history SET args = ARRAY['POSTPONEMENT'], comment = NULL
WHERE type = 'SECONDARY_APPROVED' AND comment = 'Повторная отсрочка согласована директором МКУ «МЦУР»';
UPDATE appeal_history SET args = ARRAY['DISAGREEMENT'], comment = NULL
WHERE type = 'SECONDARY_APPROVED' AND comment = 'Согласовано повторно после несогласия заявителя';
UPDATE appeal_history
SET args = ARRAY[CASE comment WHEN 'Решено' THEN 'RESOLVED' WHEN 'Не решено' THEN 'NOT_RESOLVED'
                              WHEN 'Отложено' THEN 'POSTPONED' ELSE 'REJECTED' END], comment = NULL
WHERE type = 'ANSWER_SUBMITTED' AND comment IN ('Решено', 'Не решено', 'Отложено', 'Отклонено');

-- sentences with arguments (PostgreSQL's "." matches a line break too, so a multi-line text is kept whole)
UPDATE appeal_history SET args = regexp_match(comment, '^Согласовано \((\d+) из (\d+)\)$'), comment = NULL
WHERE type = 'CHAIN_APPROVED' AND comment ~ '^Согласовано \((\d+) из (\d+)\)$';
UPDATE appeal_history SET args = regexp_match(comment, '^Согласование передано: (.*)$'), comment = NULL
WHERE type = 'APPROVAL_DELEGATED' AND comment ~ '^Согласование передано: ';
UPDATE appeal_history SET args = '{}', comment = substr(comment, length('Прежний текст: ') + 1)
WHERE type = 'ANSWER_EDITED' AND comment LIKE 'Прежний текст: %';
UPDATE appeal_history
SET args = regexp_match(comment, '^Размещён ответ «Отложено»: итоговый ответ до (\d{4}-\d{2}-\d{2})$'), comment = NULL
WHERE type = 'PUBLISHED' AND comment ~ '^Размещён ответ «Отложено»: итоговый ответ до \d{4}-\d{2}-\d{2}$';
UPDATE appeal_history
SET args = ARRAY[
        to_char(to_date(substring(comment FROM '^Исполнитель отсутствует с (\d\d\.\d\d\.\d{4}) по '), 'DD.MM.YYYY'),
                'YYYY-MM-DD'),
        to_char(to_date(substring(comment FROM ' по (\d\d\.\d\d\.\d{4}): обращение передано заместителю$'),
                        'DD.MM.YYYY'), 'YYYY-MM-DD')],
    comment = NULL
WHERE type = 'SUBSTITUTED'
  AND comment ~ '^Исполнитель отсутствует с \d\d\.\d\d\.\d{4} по \d\d\.\d\d\.\d{4}: обращение передано заместителю$';
UPDATE appeal_history
SET args = ARRAY[(regexp_match(comment, '^Заявитель не согласен с ответом \(возврат (\d+) из (\d+)\): '))[1],
                 (regexp_match(comment, '^Заявитель не согласен с ответом \(возврат (\d+) из (\d+)\): '))[2]],
    comment = regexp_replace(comment, '^Заявитель не согласен с ответом \(возврат \d+ из \d+\): ', '')
WHERE type = 'REOPENED' AND comment ~ '^Заявитель не согласен с ответом \(возврат \d+ из \d+\): ';
