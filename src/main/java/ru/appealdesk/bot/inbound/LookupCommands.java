package ru.appealdesk.bot.inbound;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.Role;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.workflow.AppealAccess;
import ru.appealdesk.workflow.AppealFilter;
import ru.appealdesk.workflow.AppealQueries;
import ru.appealdesk.workflow.AppealStatus;
import ru.appealdesk.workflow.AppealView;

/** {@code /my} and {@code /appeal}: what waits for the person, and the card of an appeal by its number. */
@Component
class LookupCommands implements ChatCommand {

    private static final int MY_LIMIT = 30;

    private final AppealQueries appeals;
    private final Directory directory;
    private final AppealAccess access;
    private final StepCards stepCards;
    private final CardTexts texts;
    private final Outbox outbox;

    LookupCommands(AppealQueries appeals, Directory directory, AppealAccess access, StepCards stepCards,
                   CardTexts texts, Outbox outbox) {
        this.appeals = appeals;
        this.directory = directory;
        this.access = access;
        this.stepCards = stepCards;
        this.texts = texts;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of("my", "appeal");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        if (name.equals("my")) {
            my(in);
        } else {
            appeal(in, argument);
        }
    }

    /** What is waiting for this person, nearest deadline first: at most {@link #MY_LIMIT}, with the total. */
    void my(Inbound in) {
        StaffMember s = in.staff();
        List<AppealFilter> mine = new ArrayList<>();
        if (s.hasRole(Role.EXECUTOR)) {
            mine.add(new AppealFilter(AppealStatus.OPEN, s.id(), null, null, false));
        }
        if (s.hasRole(Role.COORDINATOR)) {
            mine.add(AppealFilter.statuses(EnumSet.of(AppealStatus.NEW, AppealStatus.RETURNED,
                    AppealStatus.APPROVED)));
        }
        mine.add(new AppealFilter(Set.of(AppealStatus.ANSWER_REVIEW), null, directory.departmentsReviewedBy(s),
                s.id(), false));
        Page<AppealView> found = appeals.search(mine, 0, MY_LIMIT);
        if (found.isEmpty()) {
            reply(in, Words.NOTHING_OPEN.text());
            return;
        }
        String lines = found.stream().map(a -> Words.OPEN_APPEAL.text(Html.escape(a.number()),
                        Html.escape(a.status().title()), texts.time(a.answerDueAt()), texts.left(a.answerDueAt())))
                .collect(Collectors.joining("\n"));
        long more = found.getTotalElements() - found.getNumberOfElements();
        String tail = more > 0 ? Words.AND_MORE.text(more) : "";
        reply(in, Words.OPEN_APPEALS.text(found.getTotalElements(), lines, tail));
    }

    void appeal(Inbound in, String number) {
        if (number.isEmpty() || number.length() > 100) {
            reply(in, Words.NUMBER_EXPECTED.text());
            return;
        }
        List<AppealView> found = appeals.findByNumber(number).stream().filter(a -> access.mayView(in.staff(), a))
                .toList();
        if (found.isEmpty()) {
            reply(in, Words.NOT_FOUND.text(Html.escape(number)));
            return;
        }
        found.forEach(a -> stepCards.showTo(a, in.staff(), in.chat()));
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }
}
