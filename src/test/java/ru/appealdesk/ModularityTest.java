package ru.appealdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Module boundaries: each feature package uses only the public face of the others; workflow never sees the messenger. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(AppealDeskApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theCoreDoesNotDependOnTheMessenger() {
        assertThat(MODULES.getModuleByName("workflow").orElseThrow().getBootstrapDependencies(MODULES)
                .map(m -> m.getName())).doesNotContain("bot", "delivery", "telegram", "intake");
        assertThat(MODULES.getModuleByName("workflow").orElseThrow().getBootstrapDependencies(MODULES)
                .map(m -> m.getName())).containsOnly("directory");
    }
}
