package ru.appealdesk.bench;

import org.springframework.test.context.DynamicPropertyRegistry;

import ru.appealdesk.support.Api;
import ru.appealdesk.support.FakeTelegram;
import ru.appealdesk.support.TestDatabase;

/**
 * What every benchmark's service starts with: an empty database of its own, the given fake Bot API, the sample
 * organisation, the test tokens, no scheduled reports and a Quartz scheduler of its own name.
 */
final class BenchmarkService {

    private BenchmarkService() {
    }

    static void register(DynamicPropertyRegistry registry, FakeTelegram telegram, String scheduler) {
        String url = TestDatabase.newDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("appealdesk.telegram.token", () -> FakeTelegram.TOKEN);
        registry.add("appealdesk.telegram.api-url", telegram::url);
        registry.add("appealdesk.telegram.poll-timeout", () -> "1s");
        registry.add("appealdesk.reports.enabled", () -> "false");
        registry.add("appealdesk.api-token", () -> Api.TOKEN);
        registry.add("appealdesk.admin-token", () -> Api.ADMIN_TOKEN);
        registry.add("appealdesk.bot-config-dir", () -> "bot-config");
        registry.add("spring.quartz.properties.org.quartz.scheduler.instanceName", () -> scheduler);
    }
}
