package ru.appealdesk.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import ru.appealdesk.directory.Directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A changed copy of an organisation loads with its change and leaves the original alone; a replacement that matches
 * nothing is refused. (That a class's own directory outranks the sample and only its staff are bound is what every
 * profile journey under e2e/profiles relies on.)
 */
class ConfigVariantTest {

    @Test
    void theVariantIsACompleteOrganisationWithTheChange() throws IOException {
        // when the sample is copied with a person renamed and a line added
        String dir = ConfigVariant.of("bot-config")
                .replace("staff.yml", "Петрова Анна Сергеевна", "Петрова Анна Викторовна")
                .insertAfter("regulations.yml", "  OTHER:", "    clarification-wait: \"5 days\"")
                .write("config-variant-test");

        // then it loads as a whole organisation with both changes, and the sample is unchanged
        Directory variant = Directory.load(Path.of(dir));
        assertThat(variant.staff("petrova").orElseThrow().name()).isEqualTo("Петрова Анна Викторовна");
        assertThat(variant.regulation(ru.appealdesk.directory.Source.OTHER).clarificationWait())
                .hasToString("5 days");
        assertThat(Files.readString(Path.of("bot-config", "staff.yml"))).contains("Петрова Анна Сергеевна");
        assertThat(Path.of(dir, "calendar", "ru.yml")).exists();
    }

    @Test
    void aReplacementThatMatchesNothingIsRefused() {
        assertThatThrownBy(() -> ConfigVariant.of("bot-config").replace("staff.yml", "no such text", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such text");
    }
}
