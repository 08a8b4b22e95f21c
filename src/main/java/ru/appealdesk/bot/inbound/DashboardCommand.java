package ru.appealdesk.bot.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import ru.appealdesk.bot.inbound.Commands.Words;
import ru.appealdesk.dashboard.DashboardLinks;
import ru.appealdesk.delivery.Outbox;
import ru.appealdesk.delivery.Button;

/** {@code /dashboard}: the buttons that open the dashboard. */
@Component
class DashboardCommand implements ChatCommand {

    private final DashboardLinks dashboardLinks;
    private final Outbox outbox;

    DashboardCommand(DashboardLinks dashboardLinks, Outbox outbox) {
        this.dashboardLinks = dashboardLinks;
        this.outbox = outbox;
    }

    @Override
    public Set<String> names() {
        return Set.of("dashboard");
    }

    @Override
    public void run(Inbound in, String name, String argument) {
        dashboard(in);
    }

    /**
     * {@code /dashboard} (PRODUCT.md §12): the Mini App button (also set as this chat's menu button) and a one-time
     * login link for a browser.
     */
    void dashboard(Inbound in) {
        Optional<DashboardLinks.Links> links = dashboardLinks.issue(in.staff(), in.chat());
        if (links.isEmpty()) {
            reply(in, Words.DASHBOARD_NOT_CONFIGURED.text());
            return;
        }
        List<List<Button>> keyboard = new ArrayList<>();
        String miniApp = links.get().miniApp();
        if (miniApp != null) {
            keyboard.add(List.of(Button.miniApp(Words.OPEN_DASHBOARD.text(), miniApp)));
            outbox.menuButton(in.chat(), Button.miniApp(Words.MENU_BUTTON.text(), miniApp));
        }
        keyboard.add(List.of(Button.link(Words.SIGN_IN_IN_BROWSER.text(), links.get().login())));
        outbox.text(in.chat(), Words.DASHBOARD.text(miniApp == null ? "" : Words.DASHBOARD_IN_TELEGRAM.text()),
                keyboard, Outbox.PRIORITY_REPLY);
    }

    private void reply(Inbound in, String html) {
        outbox.text(in.chat(), html, Outbox.PRIORITY_REPLY);
    }
}
