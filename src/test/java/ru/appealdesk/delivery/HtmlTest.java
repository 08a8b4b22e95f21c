package ru.appealdesk.delivery;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlTest {

    @Test
    void escapesTheCharactersHtmlParseModeReserves() {
        assertThat(Html.escape("a < b > c & \"d\" *e* _f_")).isEqualTo("a &lt; b &gt; c &amp; &quot;d&quot; *e* _f_");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void shortTextStaysInOneMessage() {
        assertThat(Html.chunks("<b>H</b>\n", "body & more")).containsExactly("<b>H</b>\nbody &amp; more");
    }

    @Test
    void longTextIsSplitAtWordsWithinTheLimitAndNothingIsLost() {
        String body = ("слово&<> ").repeat(2000);
        List<String> parts = Html.chunks("<b>Заголовок</b>\n", body, "<i>продолжение</i>\n");

        assertThat(parts).hasSizeGreaterThan(1);
        assertThat(parts).allMatch(p -> p.length() <= Html.CHUNK_LIMIT);
        assertThat(parts.subList(1, parts.size())).allMatch(p -> p.startsWith("<i>продолжение</i>\n"));
        String joined = String.join("", parts.stream().map(p -> p.replace("<i>продолжение</i>\n", "")).toList());
        assertThat(joined).isEqualTo("<b>Заголовок</b>\n" + Html.escape(body));
        assertThat(parts).allMatch(p -> !p.matches("(?s).*&[a-z]*$"));
    }

    @Test
    void aWordLongerThanAMessageIsCutHardButKeptWhole() {
        String body = "x".repeat(9000);
        List<String> parts = Html.chunks("", body);

        assertThat(String.join("", parts)).isEqualTo(body);
        assertThat(parts).allMatch(p -> p.length() <= Html.CHUNK_LIMIT);
    }

    @Test
    void aMessengerMustTakeAPartAndTheStatusLineOfAClosedCard() {
        Html.requireRoomIn(4096);
        Html.requireRoomIn(4000);
        assertThat(Html.CHUNK_LIMIT).isLessThan(Html.MESSAGE_LIMIT);
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> Html.requireRoomIn(3999));
    }
}
