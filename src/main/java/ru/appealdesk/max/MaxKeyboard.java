package ru.appealdesk.max;

import java.util.ArrayList;
import java.util.List;

import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.MessengerException;
import ru.appealdesk.max.MaxSchema.AttachmentRequest;
import ru.appealdesk.max.MaxSchema.KeyButton;

/**
 * Our buttons as MAX's {@code inline_keyboard} attachment, within MAX's limits: at most 7 buttons a row (a longer
 * row is broken into rows of 7, in order), 30 rows and 210 buttons (more is refused: no button is ever dropped),
 * labels of 1-128 characters. Callback data becomes a callback button's {@code payload}; a URL and a Mini App's URL
 * become link buttons (MAX's {@code open_app} needs an app registered with MAX), and so does a dashboard page.
 */
final class MaxKeyboard {

    static final int PER_ROW = 7;
    static final int ROWS = 30;
    static final int BUTTONS = 210;
    static final int LABEL = 128;

    private MaxKeyboard() {
    }

    /** The attachment for these rows; null for no keyboard (null or no buttons at all). */
    static AttachmentRequest attachment(List<List<Button>> keyboard) throws MessengerException {
        if (keyboard == null || keyboard.stream().allMatch(List::isEmpty)) {
            return null;
        }
        List<List<KeyButton>> rows = new ArrayList<>();
        int count = 0;
        for (List<Button> row : keyboard) {
            for (int from = 0; from < row.size(); from += PER_ROW) {
                List<KeyButton> part = new ArrayList<>();
                for (Button b : row.subList(from, Math.min(row.size(), from + PER_ROW))) {
                    part.add(button(b));
                    count++;
                }
                rows.add(part);
            }
        }
        if (rows.size() > ROWS || count > BUTTONS) {
            throw refused("a keyboard of " + count + " buttons in " + rows.size() + " rows is over MAX's limits ("
                    + BUTTONS + " buttons, " + ROWS + " rows of " + PER_ROW + ")");
        }
        return new AttachmentRequest("inline_keyboard", new MaxSchema.Keyboard(rows));
    }

    private static KeyButton button(Button b) throws MessengerException {
        int length = b.text() == null ? 0 : b.text().codePointCount(0, b.text().length());
        if (length < 1 || length > LABEL) {
            throw refused("a button label of " + length + " characters (MAX: 1-" + LABEL + ")");
        }
        if (b.data() != null) {
            return new KeyButton("callback", b.text(), b.data(), null);
        }
        // the bot turns a dashboard page into a press for a login link before it reaches MAX; should one arrive
        // here all the same, it opens the page itself (the reader signs in there)
        String url = b.url() != null ? b.url() : b.webApp() != null ? b.webApp() : b.page();
        return new KeyButton("link", b.text(), null, url);
    }

    private static MessengerException refused(String why) {
        return new MessengerException(MessengerException.Kind.REFUSED, why, null);
    }
}
