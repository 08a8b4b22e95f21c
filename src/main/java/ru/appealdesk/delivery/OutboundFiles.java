package ru.appealdesk.delivery;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Files the service made (a report's workbook, a chart) stored with the message that will upload them. */
@Component
class OutboundFiles {

    /** The prefix of a media reference that names a stored file rather than a URL or a messenger's file reference. */
    static final String PREFIX = "upload:";

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboundFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored file's content and name. */
    record Stored(String name, byte[] content) {
    }

    String store(String fileName, byte[] content) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into outbound_file (id, file_name, content, created_at) values (?, ?, ?, ?)")
                .params(id, fileName, content, java.sql.Timestamp.from(clock.instant())).update();
        return PREFIX + id;
    }

    Optional<Stored> load(String ref) {
        if (!ref.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("select file_name, content from outbound_file where id = ?")
                .param(UUID.fromString(ref.substring(PREFIX.length())))
                .query((rs, n) -> new Stored(rs.getString(1), rs.getBytes(2))).optional();
    }
}
