package ru.appealdesk.bot;

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

import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Absences;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffAccounts;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.telegram.Html;
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
        DESCRIPTIONS.put("start", "Подключиться к боту (/start <код приглашения>)");
        DESCRIPTIONS.put("my", "Мои обращения: ближайший срок первым");
        DESCRIPTIONS.put("appeal", "Карточка обращения: /appeal <номер>");
        DESCRIPTIONS.put("cancel", "Отменить ввод ответа или причины");
        DESCRIPTIONS.put("away", "Отсутствие: /away ДД.ММ.ГГГГ ДД.ММ.ГГГГ");
        DESCRIPTIONS.put("back", "Я вернулся: завершить отсутствие");
        DESCRIPTIONS.put("report", "Отчёт: /report, /report неделя, /report месяц, /report ДД.ММ.ГГГГ ДД.ММ.ГГГГ");
        DESCRIPTIONS.put("dashboard", "Панель обращений: таблица, карточки, графики");
        DESCRIPTIONS.put("help", "Справка");
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
    private final ru.appealdesk.reports.ReportDelivery reportDelivery;
    private final java.time.Clock clock;
    private final ru.appealdesk.dashboard.DashboardLinks dashboardLinks;
    private final ru.appealdesk.sla.WorkingTime workingTime;

    Commands(StaffAccounts accounts, AppealService appeals, Directory directory, Dialogs dialogs, StepCards stepCards,
             AppealAccess access, Outbox outbox, CardTexts texts, Strangers strangers, Absences absences,
             ru.appealdesk.reports.ReportDelivery reportDelivery, java.time.Clock clock,
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
            case "cancel" -> reply(in, dialogs.cancel(in) ? "Ввод отменён." : "Отменять нечего.");
            case "away" -> away(in, argument);
            case "back" -> back(in);
            case "report" -> report(in, argument);
            case "dashboard" -> dashboard(in);
            default -> reply(in, "Неизвестная команда. " + Replies.HINT);
        }
    }

    private void start(Inbound in, String code) {
        if (in.registered()) {
            reply(in, "Здравствуйте, " + Html.escape(in.staff().name()) + "! Вы подключены к AppealDesk.\n\n"
                    + help(in.staff()));
            return;
        }
        if (code.isEmpty() || code.length() > 64) {
            strangers.answer(in, Replies.NOT_REGISTERED);
            return;
        }
        Optional<StaffMember> bound = accounts.redeemInvite(code, in.userId());
        if (bound.isEmpty()) {
            strangers.answer(in, "Код приглашения недействителен, уже использован или истёк. "
                    + Replies.NOT_REGISTERED);
            return;
        }
        StaffMember s = bound.get();
        reply(in, "✅ Вы подключены как " + Html.escape(s.name())
                + (s.position() == null ? "" : ", " + Html.escape(s.position())) + ".\n\n" + help(s));
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
            reply(in, "Укажите даты начала и окончания отсутствия: /away ДД.ММ.ГГГГ ДД.ММ.ГГГГ, например /away "
                    + "02.03.2026 13.03.2026.");
            return;
        }
        try {
            absences.add(in.staff().id(), from, to);
        } catch (Absences.AbsenceRefused refused) {
            reply(in, switch (refused.reason()) {
                case ENDS_BEFORE_START -> "Отсутствие не может закончиться раньше, чем начнётся: проверьте даты.";
                case ALREADY_OVER -> "Это отсутствие уже закончилось: укажите сегодняшнюю или будущие даты.";
                case OVERLAPS -> "На эти даты отсутствие уже отмечено.";
                case UNKNOWN_STAFF, NOT_FOUND -> "Сотрудник не найден в справочнике.";
            });
            return;
        }
        String substitute = in.staff().substituteId() == null ? "заместитель не назначен: координаторы "
                + "распределят ваши обращения" : "вас замещает " + Html.escape(texts.name(in.staff().substituteId()));
        reply(in, "🏖 Отсутствие отмечено: с " + dates[0] + " по " + dates[1] + "; " + substitute + ". Новые "
                + "обращения вам не распределяются. Вернулись раньше — /back.");
    }

    /**
     * {@code /dashboard} (PRODUCT.md §12): the Mini App button (also set as this chat's menu button) and a one-time
     * login link for a browser.
     */
    private void dashboard(Inbound in) {
        Optional<ru.appealdesk.dashboard.DashboardLinks.Links> links = dashboardLinks.issue(in.staff());
        if (links.isEmpty()) {
            reply(in, "Панель пока не подключена: администратору нужно указать публичный адрес сервиса "
                    + "(APPEALDESK_PUBLIC_URL).");
            return;
        }
        List<List<ru.appealdesk.telegram.Button>> keyboard = new ArrayList<>();
        String miniApp = links.get().miniApp();
        if (miniApp != null) {
            keyboard.add(List.of(ru.appealdesk.telegram.Button.miniApp("📊 Открыть панель", miniApp)));
            outbox.menuButton(in.chatId(), ru.appealdesk.telegram.Button.miniApp("Панель", miniApp));
        }
        keyboard.add(List.of(ru.appealdesk.telegram.Button.link("🌐 Войти в браузере", links.get().login())));
        outbox.text(in.chatId(), "📊 <b>Панель обращений</b>: открытые обращения с фильтрами и сроками, карточки с "
                + "историей, графики." + (miniApp == null ? "" : "\nВ Telegram — кнопка «Открыть панель» (она же "
                + "в меню бота).") + "\nНа компьютере — «Войти в браузере»: ссылка одноразовая, действует 10 минут, "
                + "не пересылайте её.", keyboard, Outbox.PRIORITY_REPLY);
    }

    /**
     * {@code /report} (PRODUCT.md §11): the discipline report on demand, as the schedule sends it — yesterday (since
     * the previous working day), {@code неделя} (the last 7 days), {@code месяц} (this month so far) or two dates.
     */
    private void report(Inbound in, String argument) {
        if (!ru.appealdesk.reports.ReportDelivery.mayRead(in.staff())) {
            reply(in, "Отчёты доступны главе, заместителям главы, координаторам и кураторам. У вас нет доступа.");
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
                title = "Отчёт об исполнительской дисциплине за вчера";
            } else if (arg.equals("неделя")) {
                period = new ru.appealdesk.reports.Period(today.minusDays(6), today);
                title = "Отчёт за неделю";
            } else if (arg.equals("месяц")) {
                period = new ru.appealdesk.reports.Period(today.withDayOfMonth(1), today);
                title = "Отчёт за месяц";
            } else {
                String[] dates = arg.split("\\s+");
                java.time.format.DateTimeFormatter format = Dialogs.DATE_INPUT;
                if (dates.length != 2) {
                    throw new java.time.format.DateTimeParseException("two dates expected", arg, 0);
                }
                period = new ru.appealdesk.reports.Period(java.time.LocalDate.parse(dates[0], format),
                        java.time.LocalDate.parse(dates[1], format));
                title = "Отчёт за период";
            }
        } catch (java.time.format.DateTimeParseException | IllegalArgumentException e) {
            reply(in, "Укажите период: /report, /report неделя, /report месяц или /report ДД.ММ.ГГГГ ДД.ММ.ГГГГ "
                    + "(начало не позже конца, не более 400 дней).");
            return;
        }
        reply(in, "📊 Готовлю отчёт…");
        reportDelivery.send(in.staff(), period, title);
    }

    private void back(Inbound in) {
        reply(in, absences.back(in.staff().id()).isPresent()
                ? "👋 С возвращением! Новые обращения снова распределяются вам. Обращения, переданные заместителю, "
                + "остаются у него."
                : "Сегодня вы не отмечены отсутствующим.");
    }

    private String help(StaffMember s) {
        StringBuilder sb = new StringBuilder("<b>AppealDesk</b> — работа с обращениями граждан.\n");
        if (s.hasRole(Role.EXECUTOR)) {
            sb.append("• Новые обращения приходят карточкой: «Взять в работу» или «Вернуть» (с причиной и "
                    + "ссылкой на НПА). Ответ готовится кнопкой «Подготовить ответ».\n");
        }
        if (s.hasRole(Role.MODERATOR)) {
            sb.append("• Ответы на согласование: «Согласовать» или «На доработку» с причиной.\n");
        }
        if (s.hasRole(Role.COORDINATOR)) {
            sb.append("• Нераспределённые и возвращённые обращения: выберите исполнителя; согласованные ответы "
                    + "разместите на портале и нажмите «Размещено».\n");
        }
        sb.append("\n/my — мои обращения\n/appeal &lt;номер&gt; — карточка обращения\n/cancel — отменить ввод\n"
                + "/away ДД.ММ.ГГГГ ДД.ММ.ГГГГ — отметить отсутствие\n/back — я вернулся\n/dashboard — панель обращений\n/help — справка");
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
            reply(in, "У вас нет открытых обращений.");
            return;
        }
        String lines = found.stream().map(a -> "• <b>" + Html.escape(a.number()) + "</b> — "
                        + Html.escape(a.status().title()) + ", срок " + texts.time(a.answerDueAt()) + " ("
                        + texts.left(a.answerDueAt()) + ")")
                .collect(Collectors.joining("\n"));
        long more = found.getTotalElements() - found.getNumberOfElements();
        String tail = more > 0 ? "\n…и ещё " + more : "";
        reply(in, "<b>Ваши открытые обращения (" + found.getTotalElements() + "):</b>\n" + lines + tail
                + "\n\nКарточка: /appeal &lt;номер&gt;");
    }

    private void appeal(Inbound in, String number) {
        if (number.isEmpty() || number.length() > 100) {
            reply(in, "Укажите номер обращения: /appeal &lt;номер&gt;, например /appeal DD-2026-001234.");
            return;
        }
        List<AppealView> found = appeals.findByNumber(number).stream().filter(a -> access.mayView(in.staff(), a))
                .toList();
        if (found.isEmpty()) {
            reply(in, "Обращение № " + Html.escape(number) + " не найдено или недоступно вам.");
            return;
        }
        found.forEach(a -> stepCards.showTo(a, in.staff(), in.chatId()));
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chatId(), html, Outbox.PRIORITY_REPLY);
    }
}
