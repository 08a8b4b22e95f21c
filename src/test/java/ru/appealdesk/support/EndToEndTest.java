package ru.appealdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.sla.TimerTick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of end-to-end tests: the whole service on a random port, real PostgreSQL, the real TelegramBots client
 * talking to {@link FakeTelegram}, the shipped {@code bot-config/}, and a {@link MutableClock}. Staff are bound
 * to fake Telegram users through invite codes, as in production.
 *
 * <p>Each test class has a service of its own: its own context (closed after the class), its own database (a copy
 * of the migrated template), a fake Bot API emptied for it and a clock at {@link #START}, so classes pass alone and
 * in any order. Time is simulated: the timer tick runs whenever a test moves the clock (the scheduler's own
 * trigger is off), and the service sends to a chat at the fast {@link #PACE}, against which the fake scales its
 * per-chat limit. A test that must see Telegram's real pace sets {@code appealdesk.delivery.private-chat-spacing}
 * with a {@code @TestPropertySource} of its own.
 */
@SpringBootTest(classes = AppealDeskApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EndToEndTest.TestClock.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
// the organisation is a test property, not a dynamic one: a class's own @DynamicPropertySource (a ConfigVariant, a
// profile) outranks it, while the dynamic properties of this class would outrank the subclass's
// cards to a person who is acting do not wait for them to pause (InteractiveLaneTest tests that): a test's person
// acts and expects the next card at once
@TestPropertySource(properties = {"appealdesk.delivery.private-chat-spacing=" + EndToEndTest.PACE_SETTING,
        "appealdesk.delivery.active-chat-pause=0s", "appealdesk.bot-config-dir=bot-config"})
public abstract class EndToEndTest {

    /** Monday 2 March 2026, 10:00 Moscow time: a working morning. */
    public static final Instant START = Instant.parse("2026-03-02T07:00:00Z");
    /** The functional tests' pace of messages to one chat (Telegram's: {@link FakeTelegram#REAL_PACE}). */
    public static final Duration PACE = Duration.ofMillis(150);
    public static final String PACE_SETTING = "150ms";
    protected static final FakeTelegram telegram = new FakeTelegram();
    /** The portals' photo server: the only host applicants' photos are fetched from. */
    protected static final FakePortal portal = new FakePortal();
    /** The public address the service believes it has (Mini App button, login links). */
    protected static final String PUBLIC_URL = "https://appeals.example.test";
    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final Map<String, Long> USERS = new LinkedHashMap<>();
    private static final Set<String> BOUND = ConcurrentHashMap.newKeySet();

    static {
        long id = 200_001;
        for (String staff : List.of("petrova", "sidorov", "morozov", "volkova", "zaitsev", "egorova", "kuznetsova",
                "belov", "smirnova", "sokolova", "popov", "orlov", "lebedeva", "fedorova", "glava", "gromov")) {
            USERS.put(staff, id++);
        }
        // waits end as soon as their condition holds: the default first look after 100 ms would add up to minutes
        Awaitility.setDefaultPollDelay(Duration.ZERO);
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
    }

    /**
     * When a test fails, the outbox's last rows go to the output: a wait that timed out then shows whether the message
     * it waited for was queued, leased, deferred, dead or sent (and to which messenger and chat).
     */
    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher OUTBOX_ON_FAILURE =
            new org.junit.jupiter.api.extension.TestWatcher() {
                @Override
                public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
                    try {
                        org.springframework.jdbc.core.JdbcTemplate jdbc = org.springframework.test.context.junit
                                .jupiter.SpringExtension.getApplicationContext(context)
                                .getBean(org.springframework.jdbc.core.JdbcTemplate.class);
                        System.out.println("The outbox's last 40 rows when " + context.getDisplayName() + " failed:");
                        jdbc.queryForList("select id, messenger, chat_id, method, card_id, priority, status, attempts, "
                                + "next_attempt_at, retry_at, lease_until, lease_owner, sent_at, last_error "
                                + "from outbound_message order by id desc limit 40")
                                .forEach(row -> System.out.println("  " + row));
                        System.out.println("  cards: " + jdbc.queryForList("select id, kind, messenger, chat_id, "
                                + "message_id, active from card order by id desc limit 10"));
                    } catch (RuntimeException e) {
                        System.out.println("The outbox could not be read: " + e);
                    }
                }
            };

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate database;
    @Autowired
    private ru.appealdesk.directory.Directory organisation;
    @Value("${appealdesk.delivery.private-chat-spacing}")
    private Duration pace;
    protected Api api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // called once for each context, that is once for each test class: a database of its own
        String database = TestDatabase.migratedDatabase();
        registry.add("spring.datasource.url", () -> database);
        registry.add("appealdesk.telegram.token", () -> FakeTelegram.TOKEN);
        registry.add("appealdesk.telegram.api-url", telegram::url);
        registry.add("appealdesk.telegram.poll-timeout", () -> "1s");
        registry.add("appealdesk.delivery.poll-interval", () -> "200ms");
        // the schedule of bot-config/reports.yml is driven by ScheduledReportsTest itself, with the movable clock
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.api-token", () -> Api.TOKEN);
        registry.add("appealdesk.api-tokens", () -> Api.CONNECTORS);
        registry.add("appealdesk.admin-token", () -> Api.ADMIN_TOKEN);
        // the timer tick runs when the test moves the clock (TestClock), never on its own in between
        registry.add("appealdesk.scheduler.enabled", () -> "false");
        registry.add("appealdesk.telegram.request-timeout", () -> "2s");
        registry.add("appealdesk.dashboard.public-url", () -> PUBLIC_URL);
        // applicants' photos come from the fake portal on 127.0.0.1, which production would refuse as internal
        registry.add("appealdesk.intake.photo-hosts", portal::origin);
        registry.add("appealdesk.intake.photo-allow-private", () -> "true");
        // every test signs in from 127.0.0.1, and the clock goes back to START before each: failed sign-ins would add
        // up over a class and refill only by chance. SignInRateLimitTest checks the limit in its own service
        registry.add("appealdesk.sign-in-throttle.failures", () -> "100000");
        // Quartz registers data sources JVM-wide by scheduler name: a name of its own for this context
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> "appealdesk-e2e");
    }

    /** The test clock, in place of the system clock; each move runs the timer tick before it returns. */
    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(START);
        }

        @Bean
        SmartInitializingSingleton tickWhenTheClockMoves(MutableClock clock, ObjectProvider<TimerTick> tick) {
            return () -> clock.onChange(now -> tick.getObject().run());
        }
    }

    /** The previous class's service is gone (its context closed): the fake forgets it, staff are bound anew. */
    @BeforeAll
    static void freshTelegram() {
        telegram.reset();
        BOUND.clear();
    }

    @BeforeEach
    void bindStaff() {
        api = new Api(port);
        telegram.pace(pace);
        clock.set(START);
        // every invite, then every /start, then every answer: binding one after another would take seconds
        List<Long> binding = new ArrayList<>();
        USERS.forEach((staff, userId) -> {
            if (staffToBind().contains(staff) && BOUND.add(staff)) {
                Api.Response invite = api.admin().post("/api/staff/" + staff + "/invites", "");
                assertThat(invite.status()).isEqualTo(201);
                phone().start(userId, invite.json().get("code").asText());
                binding.add(userId);
            }
        });
        binding.forEach(userId -> phone().awaitMessage(userId, m -> m.text().contains("Вы подключены")));
    }

    /**
     * The staff this class binds to fake users: the logins of {@link #USERS} its organisation has (a profile or a
     * {@link ConfigVariant} may lack some of them); a class may name fewer.
     */
    protected java.util.Collection<String> staffToBind() {
        return USERS.keySet().stream().filter(id -> organisation.staff(id).isPresent()).toList();
    }

    /** The messenger staff use in this class (they are bound in it by invites): Telegram unless a class says. */
    protected Phone phone() {
        return TELEGRAM_PHONE;
    }

    private static final Phone TELEGRAM_PHONE = new TelegramPhone(telegram);

    @AfterEach
    void telegramCallsFollowedTheSpec() {
        telegram.clearFaults();
        assertThat(telegram.takeViolations()).as("Bot API calls that broke the spec").isEmpty();
    }

    /** Waits until the outbox is drained: what the test did has had all its effects in the chats. */
    protected void awaitOutboxDrained() {
        OutboxDrained.await(() -> telegram.idle() && phone().idle(), database, clock);
    }

    /** The appeal's timers still waiting to fire (its reminders, countdowns, terms). */
    protected int pendingTimers(long appealId) {
        Integer count = database.queryForObject("select count(*) from timer where appeal_id = ? and status = 'PENDING'",
                Integer.class, appealId);
        return count == null ? 0 : count;
    }

    protected static long user(String staffId) {
        return USERS.get(staffId);
    }

    /** A registration request for the given portal number and category; change fields with the returned node. */
    protected static ObjectNode appealRequest(String externalId, String category) {
        ObjectNode body = JSON.createObjectNode();
        body.put("source", "DOBRODEL").put("externalId", externalId).put("category", category)
                .put("text", "Яма на дороге у дома 5, глубина около 20 см.")
                .put("address", "г. Руза, ул. Солнцева, 5")
                .put("receivedAt", "2026-03-02T10:15:00+03:00");
        body.putObject("applicant").put("name", "Иванов И.И.").put("phone", "+79990001122").put("email", "a@b.ru");
        return body;
    }

    protected JsonNode register(ObjectNode body) {
        Api.Response response = api.post("/api/appeals", body.toString());
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode appeal(long id) {
        Api.Response response = api.get("/api/appeals/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    protected JsonNode awaitStatus(long id, String status) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> appeal(id), a -> a.get("status").asText().equals(status));
    }

    /** The latest message to a staff member that has a button with this label. */
    protected FakeTelegram.Sent awaitButton(String staffId, String label) {
        return telegram.awaitMessage(user(staffId), m -> m.hasButton(label));
    }

    /** The latest message to a staff member with this label whose text mentions the appeal number. */
    protected FakeTelegram.Sent awaitCard(String staffId, String number, String label) {
        return telegram.awaitMessage(user(staffId), m -> m.hasButton(label) && m.text().contains(number));
    }

    /** The executor accepts the appeal with the given number through its card; returns the accepted card. */
    protected FakeTelegram.Sent accept(String executor, String number) {
        FakeTelegram.Sent card = awaitCard(executor, number, "Взять в работу");
        telegram.press(user(executor), card, "Взять в работу");
        return awaitCard(executor, number, "Подготовить ответ");
    }

    /** «Подготовить ответ» and an answer type other than «Отложено»: returns the card of templates and «Свой текст». */
    protected FakeTelegram.Sent chooseType(long chat, FakeTelegram.Sent prepareCard, String type) {
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, prepareCard, "Подготовить ответ");
        FakeTelegram.Sent types = awaitNew(chat, seen, m -> m.hasButton("Отклонено"));
        seen = telegram.messagesTo(chat).size();
        telegram.press(chat, types, type);
        return awaitNew(chat, seen, m -> m.hasButton("Свой текст"));
    }

    /** Walks the answer dialog from «Подготовить ответ» up to the draft with «Отправить на согласование». */
    protected FakeTelegram.Sent draftAnswer(String executor, FakeTelegram.Sent prepareCard, String type, String text) {
        long chat = user(executor);
        int seen = telegram.messagesTo(chat).size();
        telegram.press(chat, prepareCard, "Подготовить ответ");
        FakeTelegram.Sent types = awaitNew(chat, seen,
                m -> m.hasButton("Отклонено") && m.text().contains("выберите тип ответа"));
        seen = telegram.messagesTo(chat).size();
        telegram.press(chat, types, type);
        awaitNew(chat, seen, m -> m.text().contains("Пришлите текст ответа") || m.text().contains("ДД.ММ.ГГГГ"));
        if (!type.equals("Отложено")) {
            seen = telegram.messagesTo(chat).size();
            telegram.userSends(chat, text);
            return awaitNew(chat, seen, m -> m.hasButton("Отправить на согласование") && m.text().contains(text));
        }
        return null;
    }

    /**
     * «Отправить на согласование»; where the source asks (Добродел, ЕЦУР: seed 000 п.15) the bot then asks whether
     * the applicant was told, and «Уведомлён по телефону» submits.
     */
    protected void submitDraft(long chat, FakeTelegram.Sent draft) {
        int seen = telegram.messagesTo(chat).size();
        String press = telegram.press(chat, draft, "Отправить на согласование");
        if (telegram.awaitAnswer(press).text().contains("уведомлён")) {
            telegram.press(chat, awaitNew(chat, seen, m -> m.hasButton("Уведомлён по телефону")),
                    "Уведомлён по телефону");
        }
    }

    /** The first message to the chat after the first {@code seen} ones that matches (earlier tests of a class leave
     * theirs). */
    protected FakeTelegram.Sent awaitNew(long chat, int seen, java.util.function.Predicate<FakeTelegram.Sent> match) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<FakeTelegram.Sent> all = telegram.messagesTo(chat);
            return all.subList(Math.min(seen, all.size()), all.size()).stream().filter(match).findFirst()
                    .orElse(null);
        }, java.util.Objects::nonNull);
    }
}
