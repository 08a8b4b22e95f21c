package ru.appealdesk.bot.notifications;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.CardTexts;
import ru.appealdesk.bot.cards.StepCards;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.directory.Directory;
import ru.appealdesk.directory.StaffMember;
import ru.appealdesk.directory.Surge;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealEvents.SurgeDetected;
import ru.appealdesk.workflow.AppealView;

/**
 * A surge (002 п.11, 004 п.25: «незамедлительно»): the department's head, its deputy head and the coordinators get,
 * at once and one each, the list of the cluster's appeals with their numbers. Appeals that join the cluster later are
 * not told again: the dashboard shows the cluster.
 */
@Component
class SurgeNotifier {

    private final Directory directory;
    private final StepCards steps;
    private final CardTexts texts;

    SurgeNotifier(Directory directory, StepCards steps, CardTexts texts) {
        this.directory = directory;
        this.steps = steps;
        this.texts = texts;
    }

    @EventListener
    void on(SurgeDetected e) {
        Map<String, StaffMember> to = new LinkedHashMap<>();
        directory.headOf(e.departmentId()).ifPresent(p -> to.put(p.id(), p));
        directory.deputyHeadOf(e.departmentId()).ifPresent(p -> to.put(p.id(), p));
        directory.withRole(ru.appealdesk.directory.Role.COORDINATOR).forEach(p -> to.putIfAbsent(p.id(), p));
        AppealView first = e.appeals().get(0);
        String list = e.appeals().stream().map(a -> Words.LINE.text(Html.escape(a.number()),
                Html.escape(a.address() == null ? "" : a.address()), texts.time(a.receivedAt())))
                .collect(Collectors.joining("\n"));
        String text = Words.SURGE.text(e.appeals().size(), Html.escape(texts.categoryName(e.category())),
                (e.rule().same() == Surge.Same.STREET ? Words.STREET : Words.ADDRESS).text(),
                Html.escape(first.address() == null ? "" : first.address()), CardTexts.duration(e.rule().within()),
                list);
        to.keySet().forEach(id -> steps.tell(id, text));
    }

    /** The words of a surge's message. */
    enum Words implements Text {
        SURGE, LINE, STREET, ADDRESS;

        @Override
        public String area() {
            return "bot.surge";
        }
    }
}
