package ru.appealdesk.bot.cards;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.appealdesk.chat.ChatProperties;
import ru.appealdesk.dashboard.DashboardLinks;
import ru.appealdesk.directory.Category;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealView;

/** The Russian texts of appeal cards, in Telegram HTML with every user-supplied value escaped. */
@Component
public class CardTexts {

    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    public static final DateTimeFormatter DATE = ru.appealdesk.directory.Organization.DATE;

    private final Directory directory;
    private final Clock clock;
    private final ChatProperties chat;
    private final DashboardLinks dashboard;

    CardTexts(Directory directory, Clock clock, ChatProperties chat, DashboardLinks dashboard) {
        this.directory = directory;
        this.clock = clock;
        this.chat = chat;
        this.dashboard = dashboard;
    }

    /**
     * The facts a card of the appeal is drawn from, for a reader who may (or may not) see the contacts; without the
     * applicant's personal data in the chats, with the address of the appeal's page of the dashboard instead.
     */
    public CardFacts facts(AppealView a, boolean contacts) {
        boolean personalData = chat.personalDataInChats();
        return new CardFacts(a, categoryName(a.category()), names(), zone(), now(), contacts, personalData,
                personalData ? null : dashboard.appealPage(a.id()).orElse(null),
                directory.regulation(a.source()).postponeLimit());
    }

    /** Whether chat messages may carry the applicant's name, contacts, the appeal's text and photos. */
    public boolean personalDataInChats() {
        return chat.personalDataInChats();
    }

    /** The short name of every staff member, by id. */
    public Map<String, String> names() {
        return directory.allStaff().stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::shortName, (x, y) -> x));
    }

    /** The organisation's time zone. */
    public ZoneId zone() {
        return directory.organization().timeZone();
    }

    public Instant now() {
        return clock.instant();
    }

    /** The header of a card: number, category, address, deadlines, applicant; contacts only if allowed. */
    public String header(String title, AppealView a, boolean withContacts) {
        return CardLines.header(title, facts(a, withContacts));
    }

    /** Whether a header made by {@link #header} shows the applicant's contacts (it was made with them). */
    public static boolean showsContacts(String header, AppealView a) {
        String line = CardLines.contactsLine(a);
        return line != null && header.contains(line);
    }

    public String time(Instant instant) {
        return CardLines.time(instant, directory.organization().timeZone());
    }

    /** «осталось 2 д 5 ч» or «просрочено на 3 ч 10 мин». */
    public String left(Instant deadline) {
        return CardLines.left(deadline, clock.instant());
    }

    /** A span as «2 д 3 ч», «3 ч 59 мин», «менее минуты». */
    public String amount(Duration d) {
        return CardLines.amount(d);
    }

    /** A configured duration in words after «за»: «24 часа», «4 рабочих часа», «30 рабочих минут», «1 рабочий день». */
    public static String duration(ru.appealdesk.directory.WorkDuration duration) {
        long n = duration.amount();
        int form = n % 10 == 1 && n % 100 != 11 ? 0
                : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? 1 : 2;
        Words words = switch (duration.unit()) {
            case SECONDS -> duration.working() ? Words.WORKING_SECONDS : Words.SECONDS;
            case MINUTES -> duration.working() ? Words.WORKING_MINUTES : Words.MINUTES;
            case HOURS -> duration.working() ? Words.WORKING_HOURS : Words.HOURS;
            case DAYS -> duration.working() ? Words.WORKING_DAYS : Words.DAYS;
        };
        return n + " " + words.text().split(",")[form];
    }

    public String name(String staffId) {
        if (staffId == null) {
            return "—";
        }
        return directory.staff(staffId).map(StaffMember::shortName).orElse(staffId);
    }

    /** The secondary approver of {@code staff.yml} (the director of МКУ «МЦУР»), or a dash. */
    public String secondaryApproverName() {
        return name(directory.secondaryApprover().map(StaffMember::id).orElse(null));
    }

    /** Whether a return of the source's appeals must cite a legal act (seed 000 п.4), or reasons do (004 п.11). */
    public boolean returnNeedsLegalBasis(ru.appealdesk.directory.Source source) {
        return directory.regulation(source).returnNeedsLegalBasis();
    }

    public String categoryName(String code) {
        return directory.category(code).map(Category::name).orElse(Words.UNKNOWN_CATEGORY.text(code));
    }

    /** The appeal's text followed by the answer, as plain text for a card body. */
    public String appealAndAnswer(AppealView a) {
        return CardLines.appealAndAnswer(facts(a, false));
    }

    /** The lines of a card; a duration unit is its three forms (1, 2, 5) separated by commas. */
    public enum Words implements Text {
        APPEAL_NUMBER,
        CATEGORY,
        ADDRESS,
        RECEIVED,
        ANSWER_DUE,
        FINAL_DUE,
        HIGH_PRIORITY,
        FAST_TRACK,
        FZ59,
        SOCIALLY_SIGNIFICANT,
        POSTPONED_TIMES,
        REOPENED_TIMES,
        APPLICANT,
        APPLICANT_PHOTOS,
        APPLICANT_PHOTOS_WITHHELD,
        EXECUTOR,
        STATUS,
        OVERDUE_BY,
        LEFT,
        DAYS_SHORT,
        HOURS_SHORT,
        MINUTES_SHORT,
        LESS_THAN_A_MINUTE,
        SECONDS,
        WORKING_SECONDS,
        MINUTES,
        WORKING_MINUTES,
        HOURS,
        WORKING_HOURS,
        DAYS,
        WORKING_DAYS,
        UNKNOWN_CATEGORY,
        ANSWER,
        POSTPONED_UNTIL,
        APPEAL_TEXT,
        PERSONAL_DATA_WITHHELD,
        PERSONAL_DATA_ON_PAGE,
        MATERIALS;

        @Override
        public String area() {
            return "bot.card";
        }
    }
}
