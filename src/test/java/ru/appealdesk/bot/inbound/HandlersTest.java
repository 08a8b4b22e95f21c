package ru.appealdesk.bot.inbound;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every button but a plain transition's has exactly one press handler, and every command one handler. */
class HandlersTest {

    private static List<PressHandler> pressHandlers() {
        return new ArrayList<>(List.of(new ExecutorPresses(null, null, null),
                new AnswerPresses(null, null, null, null, null), new ReviewPresses(null, null, null, null),
                new CoordinatorPresses(null, null, null, null), new CoExecutorPresses(null, null, null, null),
                new OpenPress(null, null), new PagePress(null, null, null), new ClarificationPresses(null, null, null)));
    }

    private static List<ChatCommand> commands() {
        return new ArrayList<>(List.of(new Greeting(null, null, null),
                new LookupCommands(null, null, null, null, null, null), new CancelCommand(null, null),
                new AbsenceCommands(null, null, null), new ReportCommand(null, null, null, null, null),
                new DashboardCommand(null, null), new MessengerCommand(null, null)));
    }

    @Test
    void everyButtonHasOneHandler() {
        assertThatCode(() -> new Presses(null, null, null, null, pressHandlers())).doesNotThrowAnyException();
        List<PressHandler> withoutOpen = pressHandlers();
        withoutOpen.removeIf(h -> h instanceof OpenPress);
        assertThatThrownBy(() -> new Presses(null, null, null, null, withoutOpen))
                .hasMessageContaining("no handler answers the button OPEN");
        List<PressHandler> twice = pressHandlers();
        twice.add(new OpenPress(null, null));
        assertThatThrownBy(() -> new Presses(null, null, null, null, twice))
                .hasMessageContaining("two handlers answer the button OPEN");
    }

    @Test
    void everyDescribedCommandHasOneHandler() {
        assertThatCode(() -> new Commands(null, null, commands())).doesNotThrowAnyException();
        List<ChatCommand> withoutCancel = commands();
        withoutCancel.removeIf(c -> c instanceof CancelCommand);
        assertThatThrownBy(() -> new Commands(null, null, withoutCancel))
                .hasMessageContaining("not the ones described");
        List<ChatCommand> twice = commands();
        twice.add(new CancelCommand(null, null));
        assertThatThrownBy(() -> new Commands(null, null, twice))
                .hasMessageContaining("two commands are called /cancel");
    }
}
