package ru.appealdesk.bot.inbound;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.bot.notifications.ReportDelivery;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.Html;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealFilter;
import ru.appealdesk.workflow.AppealService;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/** The bot's commands: {@code /start [code]}, {@code /help}, {@code /my}, {@code /appeal <номер>}, {@code /cancel}. */
@Component
class Commands {

    /** Commands as registered with setMyCommands. */
    static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>(Map.of());

    static {
        DESCRIPTIONS.put("start", Words.COMMAND_START.text());
        DESCRIPTIONS.put("my", Words.COMMAND_MY.text());
        DESCRIPTIONS.put("appeal", Words.COMMAND_APPEAL.text());
        DESCRIPTIONS.put("cancel", Words.COMMAND_CANCEL.text());
        DESCRIPTIONS.put("away", Words.COMMAND_AWAY.text());
        DESCRIPTIONS.put("back", Words.COMMAND_BACK.text());
        DESCRIPTIONS.put("report", Words.COMMAND_REPORT.text());
        DESCRIPTIONS.put("dashboard", Words.COMMAND_DASHBOARD.text());
        DESCRIPTIONS.put("help", Words.COMMAND_HELP.text());
    }

    private static final int MY_LIMIT = 30;

    private final StaffAccounts accounts;
    private final AppealService appeals;
    private final Directory directory;
    private final Dialogs dialogs;
    private final StepCards stepCards;
    private final AppealAccess access;
    private final Outbox outbox;
    private final CardTexts texts;
    private final Strangers strangers;
    private final Absences absences;
    private final ReportDelivery reportDelivery;
    private final java.time.Clock clock;
    private final ru.appealdesk.dashboard.DashboardLinks dashboardLinks;
    private final ru.appealdesk.sla.WorkingTime workingTime;

    Commands(StaffAccounts accounts, AppealService appeals, Directory directory, Dialogs dialogs, StepCards stepCards,
             AppealAccess access, Outbox outbox, CardTexts texts, Strangers strangers, Absences absences,
             ReportDelivery reportDelivery, java.time.Clock clock,
             ru.appealdesk.sla.WorkingTime workingTime, ru.appealdesk.dashboard.DashboardLinks dashboardLinks) {
        this.dashboardLinks = dashboardLinks;
        this.reportDelivery = reportDelivery;
        this.clock = clock;
        this.workingTime = workingTime;
        this.strangers = strangers;
        this.absences = absences;
        this.accounts = accounts;
        this.appeals = appeals;
        this.directory = directory;
        this.dialogs = dialogs;
        this.stepCards = stepCards;
        this.access = access;
        this.outbox = outbox;
        this.texts = texts;
    }

    void handle(Inbound in, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String command = parts[0].substring(1).replaceAll("@.*$", "").toLowerCase(java.util.Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        if (command.equals("start")) {
            start(in, argument);
            return;
        }
        if (!in.registered()) {
            strangers.answer(in, Replies.NOT_REGISTERED);
            return;
        }
        switch (command) {
            case "help" -> reply(in, help(in.staff()));
            case "my" -> my(in);
            case "appeal" -> appeal(in, argument);
            case "cancel" -> reply(in, (dialogs.cancel(in) ? Words.CANCELLED : Words.NOTHING_TO_CANCEL).text());
            case "away" -> away(in, argument);
            case "back" -> back(in);
            case "report" -> report(in, argument);
            case "dashboard" -> dashboard(in);
            default -> reply(in, Words.UNKNOWN_COMMAND.text(Replies.HINT));
        }
    }

    private void start(Inbound in, String code) {
        if (in.registered()) {
            reply(in, Words.GREETING.text(Html.escape(in.staff().name()), help(in.staff())));
            return;
        }
        if (code.isEmpty() || code.length() > 64) {
            strangers.answer(in, Replies.NOT_REGISTERED);
            return;
        }
        Optional<StaffMember> bound = accounts.redeemInvite(code, in.userId());
        if (bound.isEmpty()) {
            strangers.answer(in, Words.INVITE_INVALID.text(Replies.NOT_REGISTERED));
            return;
        }
        StaffMember s = bound.get();
        reply(in, Words.CONNECTED.text(Html.escape(s.name()),
                s.position() == null ? "" : ", " + Html.escape(s.position()), help(s)));
    }

    /** {@code /away ДД.ММ.ГГГГ ДД.ММ.ГГГГ}: one's own absence (seed 002 п.4). */
    private void away(Inbound in, String argument) {
        String[] dates = argument.split("\\s+");
        java.time.format.DateTimeFormatter format = Dialogs.DATE_INPUT;
        java.time.LocalDate from;
        java.time.LocalDate to;
        try {
            if (dates.length != 2) {
                throw new java.time.format.DateTimeParseException("two dates expected", argument, 0);
            }
            from = java.time.LocalDate.parse(dates[0], format);
            to = java.time.LocalDate.parse(dates[1], format);
        } catch (java.time.format.DateTimeParseException e) {
            reply(in, Words.AWAY_DATES_EXPECTED.text());
            return;
        }
        try {
            absences.add(in.staff().id(), from, to);
        } catch (Absences.AbsenceRefused refused) {
            reply(in, (switch (refused.reason()) {
                case ENDS_BEFORE_START -> Words.AWAY_ENDS_BEFORE_START;
                case ALREADY_OVER -> Words.AWAY_ALREADY_OVER;
                case OVERLAPS -> Words.AWAY_OVERLAPS;
                case UNKNOWN_STAFF, NOT_FOUND -> Words.AWAY_UNKNOWN_STAFF;
            }).text());
            return;
        }
        String substitute = in.staff().substituteId() == null ? Words.NO_SUBSTITUTE.text()
                : Words.SUBSTITUTE.text(Html.escape(texts.name(in.staff().substituteId())));
        reply(in, Words.AWAY_MARKED.text(dates[0], dates[1], substitute));
    }

    /**
     * {@code /dashboard} (PRODUCT.md §12): the Mini App button (also set as this chat's menu button) and a one-time
     * login link for a browser.
     */
    private void dashboard(Inbound in) {
        Optional<ru.appealdesk.dashboard.DashboardLinks.Links> links = dashboardLinks.issue(in.staff());
        if (links.isEmpty()) {
            reply(in, Words.DASHBOARD_NOT_CONFIGURED.text());
            return;
        }
        List<List<ru.appealdesk.telegram.Button>> keyboard = new ArrayList<>();
        String miniApp = links.get().miniApp();
        if (miniApp != null) {
            keyboard.add(List.of(ru.appealdesk.telegram.Button.miniApp(Words.OPEN_DASHBOARD.text(), miniApp)));
            outbox.menuButton(in.chatId(), ru.appealdesk.telegram.Button.miniApp(Words.MENU_BUTTON.text(), miniApp));
        }
        keyboard.add(List.of(ru.appealdesk.telegram.Button.link(Words.SIGN_IN_IN_BROWSER.text(), links.get().login())));
        outbox.text(in.chatId(), Words.DASHBOARD.text(miniApp == null ? "" : Words.DASHBOARD_IN_TELEGRAM.text()),
                keyboard, Outbox.PRIORITY_REPLY);
    }

    /**
     * {@code /report} (PRODUCT.md §11): the discipline report on demand, as the schedule sends it — yesterday (since
     * the previous working day), {@code неделя} (the last 7 days), {@code месяц} (this month so far) or two dates.
     */
    private void report(Inbound in, String argument) {
        if (!ru.appealdesk.reports.ReportArtifacts.mayRead(in.staff())) {
            reply(in, Words.REPORT_FORBIDDEN.text());
            return;
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(directory.organization().timeZone()));
        String arg = argument.toLowerCase(java.util.Locale.ROOT).strip();
        ru.appealdesk.reports.Period period;
        String title;
        try {
            if (arg.isEmpty()) {
                period = new ru.appealdesk.reports.Period(workingTime.previousWorkingDay(today.minusDays(1)),
                        today.minusDays(1));
                title = Words.REPORT_YESTERDAY.text();
            } else if (arg.equals(Words.WEEK.text())) {
                period = new ru.appealdesk.reports.Period(today.minusDays(6), today);
                title = Words.REPORT_WEEK.text();
            } else if (arg.equals(Words.MONTH.text())) {
                period = new ru.appealdesk.reports.Period(today.withDayOfMonth(1), today);
                title = Words.REPORT_MONTH.text();
            } else {
                String[] dates = arg.split("\\s+");
                java.time.format.DateTimeFormatter format = Dialogs.DATE_INPUT;
                if (dates.length != 2) {
                    throw new java.time.format.DateTimeParseException("two dates expected", arg, 0);
                }
                period = new ru.appealdesk.reports.Period(java.time.LocalDate.parse(dates[0], format),
                        java.time.LocalDate.parse(dates[1], format));
                title = Words.REPORT_PERIOD.text();
            }
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            reply(in, Words.REPORT_PERIOD_EXPECTED.text());
            return;
        }
        reply(in, Words.REPORT_PREPARING.text());
        reportDelivery.send(in.staff(), period, title);
    }

    private void back(Inbound in) {
        reply(in, (absences.back(in.staff().id()).isPresent() ? Words.WELCOME_BACK : Words.NOT_AWAY).text());
    }

    private String help(StaffMember s) {
        StringBuilder sb = new StringBuilder(Words.HELP.text());
        if (s.hasRole(Role.EXECUTOR)) {
            sb.append(Words.HELP_EXECUTOR.text());
        }
        if (s.hasRole(Role.MODERATOR)) {
            sb.append(Words.HELP_MODERATOR.text());
        }
        if (s.hasRole(Role.COORDINATOR)) {
            sb.append(Words.HELP_COORDINATOR.text());
        }
        sb.append(Words.HELP_COMMANDS.text());
        return sb.toString();
    }

    /** What is waiting for this person, nearest deadline first: at most {@link #MY_LIMIT}, with the total. */
    private void my(Inbound in) {
        StaffMember s = in.staff();
        List<AppealFilter> mine = new ArrayList<>();
        if (s.hasRole(Role.EXECUTOR)) {
            mine.add(new AppealFilter(AppealStatus.OPEN, s.id(), null, null, false));
        }
        if (s.hasRole(Role.COORDINATOR)) {
            mine.add(AppealFilter.statuses(EnumSet.of(AppealStatus.NEW, AppealStatus.RETURNED,
                    AppealStatus.APPROVED)));
        }
        mine.add(new AppealFilter(Set.of(AppealStatus.ANSWER_REVIEW), null, directory.departmentsReviewedBy(s),
                s.id(), false));
        Page<AppealView> found = appeals.search(mine, 0, MY_LIMIT);
        if (found.isEmpty()) {
            reply(in, Words.NOTHING_OPEN.text());
            return;
        }
        String lines = found.stream().map(a -> Words.OPEN_APPEAL.text(Html.escape(a.number()),
                        Html.escape(a.status().title()), texts.time(a.answerDueAt()), texts.left(a.answerDueAt())))
                .collect(Collectors.joining("\n"));
        long more = found.getTotalElements() - found.getNumberOfElements();
        String tail = more > 0 ? Words.AND_MORE.text(more) : "";
        reply(in, Words.OPEN_APPEALS.text(found.getTotalElements(), lines, tail));
    }

    private void appeal(Inbound in, String number) {
        if (number.isEmpty() || number.length() > 100) {
            reply(in, Words.NUMBER_EXPECTED.text());
            return;
        }
        List<AppealView> found = appeals.findByNumber(number).stream().filter(a -> access.mayView(in.staff(), a))
                .toList();
        if (found.isEmpty()) {
            reply(in, Words.NOT_FOUND.text(Html.escape(number)));
            return;
        }
        found.forEach(a -> stepCards.showTo(a, in.staff(), in.chatId()));
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }

    /** The commands' descriptions and replies (the help, /my, /away, /report, /dashboard). */
    enum Words implements Text {
        COMMAND_START,
        COMMAND_MY,
        COMMAND_APPEAL,
        COMMAND_CANCEL,
        COMMAND_AWAY,
        COMMAND_BACK,
        COMMAND_REPORT,
        COMMAND_DASHBOARD,
        COMMAND_HELP,
        CANCELLED,
        NOTHING_TO_CANCEL,
        UNKNOWN_COMMAND,
        GREETING,
        INVITE_INVALID,
        CONNECTED,
        AWAY_DATES_EXPECTED,
        AWAY_ENDS_BEFORE_START,
        AWAY_ALREADY_OVER,
        AWAY_OVERLAPS,
        AWAY_UNKNOWN_STAFF,
        NO_SUBSTITUTE,
        SUBSTITUTE,
        AWAY_MARKED,
        DASHBOARD_NOT_CONFIGURED,
        OPEN_DASHBOARD,
        MENU_BUTTON,
        SIGN_IN_IN_BROWSER,
        DASHBOARD,
        DASHBOARD_IN_TELEGRAM,
        REPORT_FORBIDDEN,
        REPORT_YESTERDAY,
        WEEK,
        REPORT_WEEK,
        MONTH,
        REPORT_MONTH,
        REPORT_PERIOD,
        REPORT_PERIOD_EXPECTED,
        REPORT_PREPARING,
        WELCOME_BACK,
        NOT_AWAY,
        HELP,
        HELP_EXECUTOR,
        HELP_MODERATOR,
        HELP_COORDINATOR,
        HELP_COMMANDS,
        NOTHING_OPEN,
        OPEN_APPEAL,
        AND_MORE,
        OPEN_APPEALS,
        NUMBER_EXPECTED,
        NOT_FOUND;

        @Override
        public String area() {
            return "bot.commands";
        }
    }
}
