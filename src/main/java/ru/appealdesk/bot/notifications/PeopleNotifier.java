package ru.appealdesk.bot.notifications;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardFiles;
import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealEvents.AbsenceHandled;
import ru.appealdesk.workflow.AppealEvents.CoExecutorAdded;
import ru.appealdesk.workflow.AppealEvents.HelpRequested;
import ru.appealdesk.workflow.AppealEvents.MaterialsDelivered;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;
import ru.appealdesk.workflow.Transition;

/**
 * Tells people what the workflow's events ask of them besides a step: a co-executor added, materials delivered,
 * a request for help, an absence handed over.
 */
@Component
class PeopleNotifier {

    private final Audience audience;
    private final StepCards steps;
    private final CardTexts texts;
    private final CardFiles files;
    private final Outbox outbox;
    private final QuietHours quiet;

    PeopleNotifier(Audience audience, StepCards steps, CardTexts texts, CardFiles files, Outbox outbox,
                   QuietHours quiet) {
        this.audience = audience;
        this.steps = steps;
        this.texts = texts;
        this.files = files;
        this.outbox = outbox;
        this.quiet = quiet;
    }

    @EventListener
    void on(CoExecutorAdded e) {
        AppealView a = e.appeal();
        steps.coExecutorCard(a, e.staffId());
        if (a.executorId() != null && !a.executorId().equals(e.byStaffId())) {
            steps.tell(a.executorId(), EventWords.CO_EXECUTOR_ADDED.text(Html.escape(a.number()),
                    Html.escape(texts.name(e.staffId())), texts.time(e.dueAt())));
        }
    }

    @EventListener
    void on(MaterialsDelivered e) {
        AppealView a = e.appeal();
        AppealView.CoExecutor co = a.coExecutor(e.staffId()).orElseThrow();
        // nobody holds the appeal yet (NEW, RETURNED): the coordinators get the materials; the executor's cards
        // show them later
        List<String> to = audience.materialsRecipients(a);
        steps.tell(e.staffId(), EventWords.MATERIALS_DELIVERED.text(Html.escape(a.number()),
                Html.escape(to.stream().map(texts::name).collect(Collectors.joining(", ")))));
        to.forEach(person -> audience.chatOf(person).ifPresent(chat -> {
            outbox.text(chat.address(), chat.mark() + EventWords.MATERIALS.text(Html.escape(texts.name(e.staffId())),
                            Html.escape(a.number()), Html.escape(co.materials()),
                            co.files().isEmpty() ? "" : EventWords.MATERIALS_FILES.text(co.files().size())),
                    Outbox.PRIORITY_CARD);
            files.send(co.files(), chat.address());
        }));
    }


    /** «Нужна помощь» (seed 000 п.16): the deputy head of the department and the coordinators get the request. */
    @EventListener
    void on(HelpRequested e) {
        AppealView a = e.appeal();
        audience.helpers(a).forEach(person -> audience.chatOf(person.id()).ifPresent(chat -> steps.send(a, chat,
                EventCards.help(steps.facts(a, false), e.executorId(), e.text()), null)));
    }


    /** The coordinators learn who is away and who took over; with nobody to take over, they must act at once. */
    @EventListener
    void on(AbsenceHandled e) {
        String who = Html.escape(texts.name(e.absence().staffId()));
        String period = EventWords.PERIOD.text(CardTexts.DATE.format(e.absence().from()),
                CardTexts.DATE.format(e.absence().to()));
        String numbers = EventCards.absentNumbers(e.numbers(), e.count());
        String text = e.substituteId() != null
                ? EventWords.ABSENT_SUBSTITUTED.text(who, period, Html.escape(texts.name(e.substituteId())),
                        e.count(), numbers)
                : EventWords.ABSENT_WITHOUT_SUBSTITUTE.text(who, period, e.count(), numbers);
        quiet.after(() -> {
            audience.coordinators().forEach(c -> steps.tell(c.id(), text));
            if (e.substituteId() != null) {
                steps.tell(e.substituteId(), EventWords.YOU_SUBSTITUTE.text(who, period, e.count()));
            }
        });
    }
}
