package ru.appealdesk.bot.inbound;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.cards.Callback;
import ru.appealdesk.bot.cards.Callback.Action;
import ru.appealdesk.dashboard.DashboardLinks;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Html;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.text.Text;
import ru.appealdesk.workflow.AppealView;

/**
 * «Открыть обращение» in a messenger without Mini Apps (MAX, PRODUCT.md §15): the press answers with a fresh
 * one-time login link, for the presser's own account, that lands on the appeal's page of the dashboard. Only for
 * someone who may see the appeal; the page itself checks again.
 */
@Component
class PagePress implements PressHandler {

    private final ViewableAppeals appeals;
    private final DashboardLinks links;
    private final Outbox outbox;

    PagePress(ViewableAppeals appeals, DashboardLinks links, Outbox outbox) {
        this.appeals = appeals;
        this.links = links;
        this.outbox = outbox;
    }

    @Override
    public Set<Action> actions() {
        return EnumSet.of(Action.PAGE);
    }

    @Override
    public String press(Inbound in, Callback cb) {
        AppealView a = appeals.find(in.staff(), cb.appealId());
        Optional<String> login = links.loginTo(in.staff(), in.chat(), a.id());
        if (login.isEmpty()) {
            outbox.text(in.chat(), Commands.Words.DASHBOARD_NOT_CONFIGURED.text(), Outbox.PRIORITY_REPLY);
            return Words.NO_PAGE.text();
        }
        outbox.text(in.chat(), Words.PAGE_LINK.text(Html.escape(a.number())),
                List.of(List.of(Button.link(Words.OPEN_PAGE.text(), login.get()))), Outbox.PRIORITY_REPLY);
        return Words.LINK_SENT.text();
    }

    /** The words of the page link. */
    enum Words implements Text {
        PAGE_LINK,
        OPEN_PAGE,
        LINK_SENT,
        NO_PAGE;

        @Override
        public String area() {
            return "bot.page";
        }
    }
}
