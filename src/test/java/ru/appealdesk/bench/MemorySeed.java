package ru.appealdesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.jdbc.core.JdbcTemplate;

import ru.appealdesk.support.FakeTelegram;

/**
 * The memory benchmark's data, inserted by SQL ({@code bench/memory-seed.sql}, which scripts/memory-benchmark.sh
 * runs too): open appeals with their history, timers and executor cards, and a backlog of queued messages.
 */
final class MemorySeed {

    /** The chats the queued messages go to: 1,000 from here on. */
    static final long FIRST_CHAT = 3_000_000L;

    private MemorySeed() {
    }

    /** Inserts {@code appeals} open appeals and {@code messages} queued messages; the fake knows their chats. */
    static void insert(JdbcTemplate jdbc, FakeTelegram telegram, int appeals, int messages) {
        for (int c = 0; c < 1_000; c++) {
            telegram.knowChat(FIRST_CHAT + c);
        }
        String script = script().replace("{appeals}", Integer.toString(appeals))
                .replace("{messages}", Integer.toString(messages));
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
    }

    private static String script() {
        try (InputStream in = MemorySeed.class.getResourceAsStream("/bench/memory-seed.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
