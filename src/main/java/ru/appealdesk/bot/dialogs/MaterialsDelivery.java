package ru.appealdesk.bot.dialogs;

import java.util.List;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.dialogs.Conversation.State;
import ru.appealdesk.bot.inbound.Inbound;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealCommands;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.TransitionRefused;
import ru.appealdesk.workflow.TransitionRefused.Reason;

/** «Отправить ответственному»: the materials of {@link MaterialsDialog} go to the responsible executor. */
@Component
public class MaterialsDelivery {

    private final ConversationRepository conversations;
    private final AppealAccess access;
    private final AppealCommands appeals;

    MaterialsDelivery(ConversationRepository conversations, AppealAccess access, AppealCommands appeals) {
        this.conversations = conversations;
        this.access = access;
        this.appeals = appeals;
    }

    public void send(Inbound in, long appealId) {
        Conversation c = conversations.of(in.chat())
                .filter(x -> x.state() == State.COLLECTING_MATERIALS && x.appealId() == appealId)
                .orElseThrow(() -> new TransitionRefused(Reason.STALE, "no materials draft"));
        List<AppealView.Attachment> files = c.attachedFiles().stream()
                .map(f -> new AppealView.Attachment(f.fileId(), f.kind())).toList();
        AppealView a = access.checkCoExecutor(appealId, in.staff());
        // a substitute delivers in the name of the co-executor who is away
        String coExecutor = access.coExecutorActedFor(in.staff(), a).orElse(in.staff().id());
        appeals.deliverMaterials(appealId, coExecutor, c.answerText(), files);
        conversations.delete(c);
    }
}
