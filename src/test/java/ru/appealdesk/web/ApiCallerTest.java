package ru.appealdesk.web;

import java.util.Set;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.appealdesk.web.ApiCaller.Access.ALLOWED;
import static ru.appealdesk.web.ApiCaller.Access.FORBIDDEN;
import static ru.appealdesk.web.ApiCaller.Access.HIDDEN;

/** The one rule of who may do what with an appeal of a source (PRODUCT.md §15). */
class ApiCallerTest {

    private final ApiCaller intake = new ApiCaller("dobrodel", Set.of(Source.DOBRODEL), Set.of(ApiScope.INTAKE));
    private final ApiCaller manager = new ApiCaller("pos", Set.of(Source.POS), Set.of(ApiScope.READ,
            ApiScope.MANAGE));

    @Test
    void intakeReadsWhatItRegisteredOnly() {
        assertThat(intake.access(ApiScope.READ, Source.DOBRODEL, "dobrodel")).isEqualTo(ALLOWED);
        assertThat(intake.access(ApiScope.READ, Source.DOBRODEL, "admin")).isEqualTo(HIDDEN);
        assertThat(intake.access(ApiScope.READ, Source.DOBRODEL, null)).isEqualTo(HIDDEN);
        assertThat(intake.access(ApiScope.READ, Source.POS, "dobrodel")).isEqualTo(HIDDEN);
        assertThat(intake.may(ApiScope.INTAKE, Source.DOBRODEL)).isTrue();
        assertThat(intake.may(ApiScope.INTAKE, Source.POS)).isFalse();
    }

    @Test
    void actingNeedsTheScopeForTheSourceAndWhatCannotBeReadStaysHidden() {
        assertThat(intake.access(ApiScope.MANAGE, Source.DOBRODEL, "dobrodel")).isEqualTo(FORBIDDEN);
        assertThat(intake.access(ApiScope.MANAGE, Source.DOBRODEL, "other")).isEqualTo(HIDDEN);
        assertThat(manager.access(ApiScope.MANAGE, Source.POS, null)).isEqualTo(ALLOWED);
        assertThat(manager.access(ApiScope.MANAGE, Source.DOBRODEL, null)).isEqualTo(HIDDEN);
        assertThat(manager.access(ApiScope.READ, Source.POS, "anyone")).isEqualTo(ALLOWED);
    }

    @Test
    void theSingleTokensMayDoEverything() {
        ApiCaller everything = ApiCaller.everything(ApiCaller.DEFAULT);
        for (Source source : Source.values()) {
            for (ApiScope scope : ApiScope.values()) {
                assertThat(everything.access(scope, source, null)).isEqualTo(ALLOWED);
            }
        }
    }

    @Test
    void aRefusalNamesTheConnectorAndWhatItMay() {
        assertThatThrownBy(() -> intake.require(ApiScope.INTAKE, Source.POS))
                .hasMessageContaining("'dobrodel' has no 'intake' scope for POS")
                .hasMessageContaining("[DOBRODEL]");
        assertThatThrownBy(() -> intake.require(ApiScope.REPORTS)).hasMessageContaining("no 'reports' scope");
        assertThat(manager.require(ApiScope.READ)).containsExactly(Source.POS);
    }
}
