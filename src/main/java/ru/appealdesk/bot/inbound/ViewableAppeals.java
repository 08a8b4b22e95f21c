package ru.appealdesk.bot.inbound;

import org.springframework.stereotype.Component;

import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/** An appeal a press asks to be shown, if it exists and the presser may see it; refused otherwise. */
@Component
class ViewableAppeals {

    private final AppealQueries queries;
    private final AppealAccess access;

    ViewableAppeals(AppealQueries queries, AppealAccess access) {
        this.queries = queries;
        this.access = access;
    }

    AppealView find(StaffMember viewer, long appealId) {
        AppealView a = queries.find(appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.NOT_FOUND, "no appeal " + appealId));
        if (!access.mayView(viewer, a)) {
            throw new TransitionRefused(Reason.NOT_ALLOWED, "may not view");
        }
        return a;
    }
}
