package ru.appealdesk.bot.inbound;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.text.Text;

/**
 * The bot's commands: the one a stranger may give ({@code /start [code]}) and, for staff, the {@link ChatCommand} of
 * each name ({@code /help}, {@code /my}, {@code /appeal <номер>}, {@code /cancel}, {@code /away}, {@code /back},
 * {@code /report}, {@code /dashboard}, {@code /messenger}).
 */
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
        DESCRIPTIONS.put("messenger", Words.COMMAND_MESSENGER.text());
        DESCRIPTIONS.put("help", Words.COMMAND_HELP.text());
    }

    private final Strangers strangers;
    private final Outbox outbox;
    private final Map<String, ChatCommand> byName = new HashMap<>();

    Commands(Strangers strangers, Outbox outbox, List<ChatCommand> commands) {
        this.strangers = strangers;
        this.outbox = outbox;
        for (ChatCommand command : commands) {
            for (String name : command.names()) {
                if (byName.put(name, command) != null) {
                    throw new IllegalStateException("two commands are called /" + name);
                }
            }
        }
        if (!byName.keySet().equals(DESCRIPTIONS.keySet())) {
            throw new IllegalStateException("the commands " + byName.keySet() + " are not the ones described, "
                    + DESCRIPTIONS.keySet());
        }
    }

    void handle(Inbound in, String text) {
        String[] parts = text.strip().split("\\s+", 2);
        String command = parts[0].substring(1).replaceAll("@.*$", "").toLowerCase(Locale.ROOT);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        if (!in.registered() && !command.equals(Greeting.START)) {
            strangers.answer(in, Replies.NOT_REGISTERED);
            return;
        }
        ChatCommand found = byName.get(command);
        if (found == null) {
            outbox.text(in.chat(), Words.UNKNOWN_COMMAND.text(Replies.HINT), Outbox.PRIORITY_REPLY);
            return;
        }
        found.run(in, command, argument);
    }

    /** The commands' descriptions and replies (the help, /my, /away, /report, /dashboard, /messenger). */
    enum Words implements Text {
        COMMAND_START,
        COMMAND_MY,
        COMMAND_APPEAL,
        COMMAND_CANCEL,
        COMMAND_AWAY,
        COMMAND_BACK,
        COMMAND_REPORT,
        COMMAND_DASHBOARD,
        COMMAND_MESSENGER,
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
        NOT_FOUND,
        MESSENGER_NOW_MAX,
        MESSENGER_NOW_TELEGRAM,
        MESSENGER_ONLY_TELEGRAM,
        MESSENGER_ONLY_MAX;

        @Override
        public String area() {
            return "bot.commands";
        }
    }
}
