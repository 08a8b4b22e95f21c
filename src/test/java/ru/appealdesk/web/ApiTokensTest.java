package ru.appealdesk.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code APPEALDESK_API_TOKENS}: entries read as PRODUCT.md §15 writes them; a bad one named, never its token. */
class ApiTokensTest {

    private static final String TOKEN = "a7f3c9e1b5d2f8a4c6e0b9d3f7a1c5e8";
    private static final String OTHER = "0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a";
    private static final String ADMIN = "administration-token-0123456789abcdef";

    private static List<ApiTokens.Entry> parse(String text) {
        return ApiTokens.parse(text, "legacy-intake-token", ADMIN);
    }

    @Test
    void entriesAreSeparatedBySemicolonsOrLineBreaksAndStarIsEverySource() {
        List<ApiTokens.Entry> entries = parse(" dobrodel:" + TOKEN + ":DOBRODEL:intake,read ;\n\r\n"
                + "watcher:" + OTHER + ":*:Reports\n");

        assertThat(entries).extracting(e -> e.caller().name()).containsExactly("dobrodel", "watcher");
        assertThat(entries.get(0).token()).isEqualTo(TOKEN);
        assertThat(entries.get(0).caller().sources()).containsExactly(Source.DOBRODEL);
        assertThat(entries.get(0).caller().scopes()).containsExactly(ApiScope.INTAKE, ApiScope.READ);
        assertThat(entries.get(1).caller().sources()).isEqualTo(EnumSet.allOf(Source.class));
        assertThat(entries.get(1).caller().scopes()).isEqualTo(Set.of(ApiScope.REPORTS));
        assertThat(entries.toString()).doesNotContain(TOKEN, OTHER);
        assertThat(parse(" \n ")).isEmpty();
    }

    @Test
    void aShortTokenIsRefusedNamingTheEntryNotTheToken() {
        assertRefused("pos:short-token-1234:POS:read", "entry 'pos'", "at least 32 characters", "short-token-1234");
    }

    @Test
    void anUnknownScopeOrSourceIsRefusedNamingTheEntry() {
        assertRefused("pos:" + TOKEN + ":POS:read,delete", "entry 'pos'", "unknown scope 'delete'", TOKEN);
        assertRefused("pos:" + TOKEN + ":POS,VK:read", "entry 'pos'", "unknown source 'VK'", TOKEN);
        assertRefused("pos:" + TOKEN + ":POS:", "entry 'pos'", "an empty scope", TOKEN);
        // a token put where the sources go is not echoed either
        assertRefused("pos:" + TOKEN + ":" + OTHER + ":read", "entry 'pos'", "unknown source (a long text", OTHER);
    }

    @Test
    void anEntryThatCannotBeReadIsNamedByItsPosition() {
        assertRefused("pos:" + TOKEN + ":POS:read;" + TOKEN + ":DOBRODEL:intake", "entry 2 is not name:token:",
                "its text is not shown", TOKEN);
        assertRefused("pos:" + TOKEN + ":POS:read:extra", "entry 1 is not name:token:", "not shown", TOKEN);
        assertRefused("p o s:" + TOKEN + ":POS:read", "entry 1 has no valid name", "not shown", TOKEN);
    }

    @Test
    void namesAndTokensAreEachConnectorsOwn() {
        assertRefused("pos:" + TOKEN + ":POS:read;POS:" + OTHER + ":POS:intake", "the name 'POS' is used by two",
                "", TOKEN);
        assertRefused("pos:" + TOKEN + ":POS:read;ecur:" + TOKEN + ":ECUR:intake", "entries 'pos' and 'ecur' have "
                + "the same token", "", TOKEN);
        assertRefused("pos:" + ADMIN + ":POS:read", "entry 'pos' has the token of APPEALDESK_ADMIN_TOKEN", "", ADMIN);
        assertThatThrownBy(() -> ApiTokens.parse("pos:" + TOKEN + ":POS:read", TOKEN, ADMIN))
                .hasMessageContaining("entry 'pos' has the token of APPEALDESK_API_TOKEN");
        assertRefused("admin:" + TOKEN + ":POS:read", "entry 'admin': the name is reserved", "", TOKEN);
        assertRefused("default:" + TOKEN + ":POS:read", "entry 'default': the name is reserved", "", TOKEN);
    }

    private static void assertRefused(String entries, String names, String says, String secret) {
        assertThatThrownBy(() -> parse(entries)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("APPEALDESK_API_TOKENS: ")
                .hasMessageContaining(names).hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }
}
