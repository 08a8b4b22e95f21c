package ru.appealdesk.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.appealdesk.logging.LogSafe.safe;

import org.junit.jupiter.api.Test;

/** What an untrusted value becomes in a log line. */
class LogSafeTest {

    @Test
    void lineBreaksAndOtherControlsBecomeVisibleEscapes() {
        assertThat(safe("user\n2026-03-02 INFO Dashboard session opened for glava"))
                .isEqualTo("user\\n2026-03-02 INFO Dashboard session opened for glava");
        assertThat(safe("a\r\nb\tc")).isEqualTo("a\\r\\nb\\tc");
        assertThat(safe("\u001b[31mred\u0000\u007f")).isEqualTo("\\u001b[31mred\\u0000\\u007f");
        assertThat(safe("c1\u0085next\u009b")).isEqualTo("c1\\u0085next\\u009b");
        assertThat(safe("line\u2028para\u2029")).isEqualTo("line\\u2028para\\u2029");
        assertThat(safe("bidi\u202eevil\u2066")).isEqualTo("bidi\\u202eevil\\u2066");
    }

    @Test
    void aBackslashIsDoubledSoThatAnEscapeCannotBeFaked() {
        assertThat(safe("a\\nb")).isEqualTo("a\\\\nb");
        assertThat(safe("a\\nb")).isNotEqualTo(safe("a\nb"));
    }

    @Test
    void ordinaryTextStaysAsItIs() {
        assertThat(safe("Иванов И.И. <b>&amp; 42 @user_name 🙂")).isEqualTo("Иванов И.И. <b>&amp; 42 @user_name 🙂");
        assertThat(safe(null)).isEqualTo("null");
        assertThat(safe(12345L)).isEqualTo("12345");
    }

    @Test
    void aLongValueIsCutWithANote() {
        String cut = safe("x".repeat(LogSafe.MAX_LENGTH + 50));
        assertThat(cut).startsWith("x".repeat(LogSafe.MAX_LENGTH)).endsWith("…(50 more characters)");
        // never half a surrogate pair
        String emoji = "a".repeat(LogSafe.MAX_LENGTH - 1) + "🙂" + "b";
        assertThat(safe(emoji)).startsWith("a".repeat(LogSafe.MAX_LENGTH - 1) + "…(3 more characters)");
    }
}
