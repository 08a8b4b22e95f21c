package ru.appealdesk.support;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import ru.appealdesk.directory.Directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test class's own configuration directory wins over the sample, and only the staff it names are bound. */
class ConfigVariantTest extends EndToEndTest {

    @Autowired
    Directory directory;

    @DynamicPropertySource
    static void organisation(DynamicPropertyRegistry registry) {
        registry.add("appealdesk.bot-config-dir", () -> ConfigVariant.of("bot-config")
                .replace("staff.yml", "Петрова Анна Сергеевна", "Петрова Анна Викторовна")
                .write("config-variant-test"));
    }

    @Override
    protected Collection<String> staffToBind() {
        return List.of("petrova", "sidorov");
    }

    @Test
    void theVariantIsTheOrganisationAndOnlyItsNamedStaffAreBound() {
        assertThat(directory.staff("petrova").orElseThrow().name()).isEqualTo("Петрова Анна Викторовна");
        assertThat(phone().messagesTo(user("petrova"))).anyMatch(m -> m.text().contains("Вы подключены"));
        assertThat(phone().messagesTo(user("morozov"))).isEmpty();
    }

    @Test
    void aReplacementThatMatchesNothingIsRefused() {
        assertThatThrownBy(() -> ConfigVariant.of("bot-config").replace("staff.yml", "no such text", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
