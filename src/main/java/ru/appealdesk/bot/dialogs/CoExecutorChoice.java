package ru.appealdesk.bot.dialogs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Card;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/** «Соисполнители» (PRODUCT.md §10): the executors who could join as buttons, and a press adds one. */
@Component
public class CoExecutorChoice {

    private static final int MAX_CANDIDATES = 24;

    private final AppealCommands appeals;
    private final AppealQueries queries;
    private final AppealAccess access;
    private final Directory directory;
    private final DialogReplies replies;

    CoExecutorChoice(AppealCommands appeals, AppealQueries queries, AppealAccess access, Directory directory,
                     DialogReplies replies) {
        this.appeals = appeals;
        this.queries = queries;
        this.access = access;
        this.directory = directory;
        this.replies = replies;
    }

    /** One button per executor who could join — the category's first, then the department's. */
    public void chooseCoExecutor(Inbound in, AppealView a) {
        if (!access.mayAddCoExecutors(in.staff(), a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, in.staff().id() + " may not add co-executors");
        }
        Set<StaffMember> ordered = new LinkedHashSet<>();
        directory.category(a.category()).map(directory::executorsFor).ifPresent(ordered::addAll);
        directory.allExecutors().stream().filter(s -> s.departmentId().equals(a.departmentId())).forEach(ordered::add);
        ordered.addAll(directory.allExecutors());
        List<StaffMember> candidates = ordered.stream().filter(s -> !s.id().equals(a.executorId()))
                .filter(s -> a.coExecutor(s.id()).isEmpty()).limit(MAX_CANDIDATES).toList();
        if (candidates.isEmpty()) {
            replies.text(in, Words.NOBODY_TO_ADD.text(Html.escape(a.number())));
            return;
        }
        replies.card(in, a, CoExecutorCards.choice(a, candidates), Card.Kind.CO_EXECUTOR_CHOICE);
    }

    public void add(Inbound in, long appealId, String staffId) {
        AppealView a = queries.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (!access.mayAddCoExecutors(in.staff(), a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, in.staff().id() + " may not add co-executors");
        }
        appeals.addCoExecutor(appealId, in.staff().id(), staffId);
    }

    /** Nobody left to add. */
    enum Words implements Text {
        NOBODY_TO_ADD;

        @Override
        public String area() {
            return "bot.co-executors";
        }
    }
}
