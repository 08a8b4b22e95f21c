package ru.appealdesk;

import java.io.InputStream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The log patterns of application.yml: a message can neither start a line of its own nor show a bot token. */
class LogPatternTest {

    @ParameterizedTest
    @ValueSource(strings = {"console", "file"})
    void aMessageStaysOnItsLineAndHidesBotTokens(String appender) throws Exception {
        // given the pattern as the service configures it
        String pattern;
        try (InputStream yml = getClass().getResourceAsStream("/application.yml")) {
            JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(yml);
            pattern = config.at("/logging/pattern/" + appender).asText().replace("${PID:-}", "1")
                    .replace("%wEx", "%ex"); // Spring Boot's converter, the same but for a leading line break
        }
        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();

        // when a message quotes untrusted text with line breaks and a token
        LoggingEvent event = new LoggingEvent("t", context.getLogger("t"), Level.INFO,
                "Refused {}", null, new Object[] {"x\n2026-12-07T00:00:00.000Z  INFO forged\r\nline 123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789"});
        String line = layout.doLayout(event);

        // then it is one line, its breaks written as \n, and the token masked
        assertThat(line.strip()).doesNotContain("\n", "\r")
                .endsWith("Refused x\\n2026-12-07T00:00:00.000Z  INFO forged\\nline <token>");
    }
}
