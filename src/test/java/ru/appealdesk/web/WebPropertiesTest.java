package ru.appealdesk.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web module's keys ({@code appealdesk.web.*}) are set by the documented environment variables, and the tokens'
 * former names ({@code appealdesk.api-token}, {@code appealdesk.api-tokens}, {@code appealdesk.admin-token}) still
 * set them, the new name winning; no token is ever printed.
 */
class WebPropertiesTest {

    @Test
    void theEnvironmentVariablesSetTheTokensAndTheProxies() {
        WebProperties properties = Settings.bind(WebProperties.class, Map.of(), Map.of(
                "APPEALDESK_API_TOKEN", "intake-token", "APPEALDESK_API_TOKENS", "dobrodel:t:DOBRODEL:intake",
                "APPEALDESK_ADMIN_TOKEN", "admin-token", "APPEALDESK_TRUSTED_PROXIES", " 127.0.0.1, ::1 ,"));

        assertThat(properties.apiToken()).isEqualTo("intake-token");
        assertThat(properties.apiTokens()).isEqualTo("dobrodel:t:DOBRODEL:intake");
        assertThat(properties.adminToken()).isEqualTo("admin-token");
        assertThat(properties.trustedProxies()).containsExactly("127.0.0.1", "::1");
    }

    @Test
    void theFormerNamesStillSetTheTokensAndTheNewNamesWin() {
        WebProperties former = Settings.bind("appealdesk.web", WebProperties.class, Map.of(
                "appealdesk.api-token", "intake-token", "appealdesk.api-tokens", "dobrodel:t:DOBRODEL:intake",
                "appealdesk.admin-token", "admin-token"));
        assertThat(former.apiToken()).isEqualTo("intake-token");
        assertThat(former.apiTokens()).isEqualTo("dobrodel:t:DOBRODEL:intake");
        assertThat(former.adminToken()).isEqualTo("admin-token");

        WebProperties both = Settings.bind("appealdesk.web", WebProperties.class, Map.of(
                "appealdesk.api-token", "old", "appealdesk.web.api-token", "new"));
        assertThat(both.apiToken()).isEqualTo("new");
    }

    @Test
    void unsetTokensAreEmptyAndNoneIsPrinted() {
        WebProperties none = Settings.bind("appealdesk.web", WebProperties.class, Map.of());
        assertThat(List.of(none.apiToken(), none.apiTokens(), none.adminToken())).containsOnly("");
        assertThat(none.trustedProxies()).isEmpty();

        WebProperties set = Settings.bind("appealdesk.web", WebProperties.class, Map.of(
                "appealdesk.web.api-token", "intake-secret", "appealdesk.web.admin-token", "admin-secret"));
        assertThat(set.toString()).doesNotContain("intake-secret", "admin-secret").contains("***");
    }
}
