package ru.appealdesk.bot.inbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.dialogs.Dialogs;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.text.Text;

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

    private final StaffAccounts accounts;
    private final Dialogs dialogs;
    private final Outbox outbox;
    private final CardTexts texts;
    private final Strangers strangers;
    private final Absences absences;
    private final LookupCommands lookups;
    private final ReportCommand reportCommand;
    private final DashboardCommand dashboardCommand;

    Commands(StaffAccounts accounts, Dialogs dialogs, Outbox outbox, CardTexts texts, Strangers strangers,
             Absences absences, LookupCommands lookups, ReportCommand reportCommand,
             DashboardCommand dashboardCommand) {
        this.accounts = accounts;
        this.dialogs = dialogs;
        this.outbox = outbox;
        this.texts = texts;
        this.strangers = strangers;
        this.absences = absences;
        this.lookups = lookups;
        this.reportCommand = reportCommand;
        this.dashboardCommand = dashboardCommand;
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
            case "my" -> lookups.my(in);
            case "appeal" -> lookups.appeal(in, argument);
            case "cancel" -> reply(in, (dialogs.cancel(in) ? Words.CANCELLED : Words.NOTHING_TO_CANCEL).text());
            case "away" -> away(in, argument);
            case "back" -> back(in);
            case "report" -> reportCommand.report(in, argument);
            case "dashboard" -> dashboardCommand.dashboard(in);
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
