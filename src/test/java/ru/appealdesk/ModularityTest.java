package ru.appealdesk;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
                .map(m -> m.getName())).doesNotContain("bot", "delivery", "telegram", "max", "intake");
        assertThat(MODULES.getModuleByName("workflow").orElseThrow().getBootstrapDependencies(MODULES)
                .map(m -> m.getName())).containsOnly("directory");
    }

    @Test
    void maxKnowsNeitherTelegramNorTheBot() {
        assertThat(MODULES.getModuleByName("max").orElseThrow().getBootstrapDependencies(MODULES)
                .map(m -> m.getName())).doesNotContain("telegram", "bot", "workflow", "directory");
    }

    @Test
    void telegramTypesStopAtTheTelegramAndBotModules() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().resideOutsideOfPackages("ru.appealdesk.telegram..", "ru.appealdesk.bot..")
                .should().dependOnClassesThat().resideInAPackage("org.telegram..")
                .because("delivery, workflow and the rest speak of chats and messages, not TelegramBots' types")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("ru.appealdesk"));
    }
}
