package ru.appealdesk.workflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A return's reason cites a legal act by an article or point, a law's number or an act's name, not a substring. */
class LegalBasisTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Не наша компетенция согласно ст. 8 закона",
            "см. ст.8",
            "согласно п. 2.3 раздела о полномочиях",
            "по пп. 4 перечня",
            "в силу ч. 1 ст. 10",
            "согласно статье 12 о сроках",
            "пунктом 5 определено иное",
            "часть 2 относит это к району",
            "по § 3 приложения",
            "в порядке 59-ФЗ",
            "Федеральный закон № 131-ФЗ относит это к поселению",
            "по закону 115-ОЗ",
            "согласно Положению об Управлении ЖКХ",
            "Положение о комитете по дорогам",
            "по Уставу округа",
            "в силу Устава",
            "административный регламент не предусматривает",
            "постановлением администрации закреплено за МКУ",
            "распоряжение главы передаёт это МКУ",
            "Правила благоустройства возлагают это на собственника",
            "решение Совета депутатов от 12.03.2020",
            "Жилищный кодекс относит это к управляющей компании"})
    void aCitationIsALegalBasis(String reason) {
        assertThat(LegalBasis.cited(reason)).as(reason).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Это может стать проблемой другого управления",
            "Это совсем не наш вопрос, пусть решают другие",
            "Положение дел во дворе нас не касается",
            "В таком положении мы ничего не сделаем",
            "Устали от таких обращений, это не к нам",
            "Это не наша часть города",
            "Ответ стал бы неверным, вопрос к МКУ",
            "Обращение № 12345 уже передавалось в ЖКХ",
            "Пусть статистику ведёт другое управление",
            "Застава на въезде не наша",
            "Незаконно припаркованные машины — к полиции",
            "Вопрос к подрядчику, п-ов не наш",
            "",
            "   "})
    void noCitationIsNoLegalBasis(String reason) {
        assertThat(LegalBasis.cited(reason)).as(reason).isFalse();
    }
}
