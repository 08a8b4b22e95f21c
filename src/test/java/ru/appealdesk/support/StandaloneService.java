package ru.appealdesk.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ru.appealdesk.AppealDeskApplication;

/**
 * A whole service of a test's own, started outside Spring's test context (for settings that must hold from the
 * start, such as webhook mode or a small sign-in limit): a migrated database copy, the shipped bot-config, the test
 * tokens, the given fake Bot API and its own Quartz scheduler name, plus the test's own arguments.
 */
public final class StandaloneService {

    private StandaloneService() {
    }

    /** Starts it on a free port; {@code scheduler} names its Quartz instance, {@code extra} adds or overrides. */
    public static ConfigurableApplicationContext start(FakeTelegram telegram, String scheduler, String... extra) {
        return startOn(TestDatabase.migratedDatabase(), telegram, scheduler, extra);
    }

    /** Starts it on the given database (a restart, a second instance), as {@link #start}. */
    public static ConfigurableApplicationContext startOn(String database, FakeTelegram telegram, String scheduler,
                                                         String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + database,
                "--appealdesk.api-token=" + Api.TOKEN, "--appealdesk.admin-token=" + Api.ADMIN_TOKEN,
                "--appealdesk.bot-config-dir=bot-config",
                "--appealdesk.telegram.token=" + FakeTelegram.TOKEN, "--appealdesk.reports.enabled=false",
                "--appealdesk.telegram.api-url=" + telegram.url(),
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=" + scheduler));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(AppealDeskApplication.class).run(args.toArray(String[]::new));
    }

    /** The port the service listens on. */
    public static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
