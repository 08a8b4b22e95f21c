package ru.appealdesk.bot.cards;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import ru.appealdesk.directory.Priority;
import ru.appealdesk.directory.Source;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.workflow.AnswerType;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/** Appeals and facts for the renderers' tests: appeal 7 (E-1, roads) at step 3, held by ivanov, due in two days. */
public final class TestAppeals {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    public static final Instant NOW = Instant.parse("2026-12-01T07:00:00Z");
    public static final Instant DUE = Instant.parse("2026-12-03T07:00:00Z");
    public static final Map<String, String> NAMES = Map.of("ivanov", "Иванов И.И.", "petrov", "Петров П.П.");

    private TestAppeals() {
    }

    public static AppealView appeal(AppealStatus status, AppealView.Answer answer, String repeatOf) {
        return new AppealView(7, Source.ECUR, "E-1", "roads", "roads", Priority.NORMAL, false, false, "Яма во дворе",
                null, new AppealView.Applicant("Сидоров С.С.", "+79990001122", null), List.of(), NOW, DUE, DUE,
                status, "ivanov", 3, NOW, 0, answer, List.of(), null, 0, false, repeatOf, null, 0, List.of(), null, null);
    }

    public static AppealView.Answer answer() {
        return new AppealView.Answer(AnswerType.values()[0], "Яма засыпана", null, NOW, "ivanov", List.of());
    }

    public static CardFacts facts(AppealView a, boolean contacts) {
        return new CardFacts(a, "Дороги", NAMES, MOSCOW, NOW, contacts);
    }

    /** The address of appeal 7's page of the dashboard, as the cards link to it without personal data. */
    public static final String PAGE = "https://appeals.example.test/app/?appeal=7";

    /** The facts of a card without the applicant's personal data ({@code appealdesk.chat.personal-data: minimal}). */
    public static CardFacts minimal(AppealView a, boolean contacts) {
        return new CardFacts(a, "Дороги", NAMES, MOSCOW, NOW, contacts, false, PAGE);
    }

    public static List<List<String>> labels(Message m) {
        return m.buttons().stream().map(row -> row.stream().map(Button::text).toList()).toList();
    }
}
