package ru.appealdesk.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ru.appealdesk.AppealDeskApplication;
import ru.appealdesk.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A connector token under 32 characters stops the start-up, naming its entry and never printing the token. */
@ExtendWith(OutputCaptureExtension.class)
class ConnectorTokensStartupTest {

    private static final String SHORT_TOKEN = "short-secret-4711";

    @Test
    void aShortConnectorTokenStopsTheStartUp(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(AppealDeskApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + TestDatabase.newDatabase(),
                "--appealdesk.api-tokens=dobrodel:" + SHORT_TOKEN + ":DOBRODEL:intake",
                "--appealdesk.admin-token=administration-token-0123456789abcdef",
                "--appealdesk.telegram.token=",
                "--appealdesk.bot-config-dir=bot-config",
                "--spring.quartz.properties.org.quartz.scheduler.instanceName=appealdesk-startup-test"))
                .rootCause().hasMessage("APPEALDESK_API_TOKENS: entry 'dobrodel': the token must be at least 32 "
                        + "characters without spaces or commas (e.g. openssl rand -hex 32)");
        assertThat(output.getAll()).contains("entry 'dobrodel'").doesNotContain(SHORT_TOKEN);
    }
}
