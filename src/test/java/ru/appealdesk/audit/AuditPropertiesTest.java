package ru.appealdesk.audit;

import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;

import ru.appealdesk.support.Settings;

import static org.assertj.core.api.Assertions.assertThat;

/** How long the audit log is kept: three years unless configured, never nothing. */
class AuditPropertiesTest {

    private static AuditProperties bind(Map<String, String> values) {
        return Settings.bind("appealdesk.audit", AuditProperties.class, values);
    }

    @Test
    void threeYearsByDefaultAndAnyPeriodOtherwise() {
        assertThat(bind(Map.of()).retention()).isEqualTo(Period.ofYears(3));
        assertThat(bind(Map.of("appealdesk.audit.retention", "5y")).retention()).isEqualTo(Period.ofYears(5));
        assertThat(bind(Map.of("appealdesk.audit.retention", "400d")).retention()).isEqualTo(Period.ofDays(400));
    }

    @Test
    void nothingOrLessStopsTheStartUpNamingTheKey() {
        for (String value : new String[] {"0d", "-1y"}) {
            assertThat(Settings.refusal(Map.of("appealdesk.audit.retention", value)))
                    .contains("Reason: appealdesk.audit.retention must be at least 1d, e.g. 3y");
        }
    }
}
