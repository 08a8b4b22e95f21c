package ru.appealdesk.bot.inbound;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import ru.appealdesk.bot.BotProperties;
import ru.appealdesk.bot.dialogs.Conversation;
import ru.appealdesk.bot.dialogs.ConversationRepository;
import ru.appealdesk.chat.ChatAddress;
import ru.appealdesk.chat.FileKind;
import ru.appealdesk.chat.Incoming;
import ru.appealdesk.chat.IncomingFile;
import ru.appealdesk.chat.Sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A video over the limit is refused with the limit's reason: Telegram's own only for a file sent in Telegram. */
class IncomingFilesTest {

    private static final long MB = 1024 * 1024;

    @Test
    void aVideoOverTheLimitNamesTelegramOnlyInTelegram() {
        IncomingFiles files = new IncomingFiles(collecting(), List.of(), new BotProperties(Duration.ofMinutes(10),
                Duration.ofDays(14), Duration.ofDays(30), DataSize.ofMegabytes(20)));

        String inTelegram = files.prefetch(video(ChatAddress.telegram(42))).orElseThrow().refusal();
        String inMax = files.prefetch(video(ChatAddress.max(42))).orElseThrow().refusal();

        assertThat(inTelegram).contains("25 МБ", "20 МБ", "Telegram");
        assertThat(inMax).contains("25 МБ", "20 МБ").doesNotContain("Telegram");
    }

    private static Incoming.Text video(ChatAddress chat) {
        return new Incoming.Text("1", new Sender(chat.chatId(), "User"), chat, true, null,
                List.of(new IncomingFile(FileKind.VIDEO, "ref", "clip.mp4", 25 * MB, "video/mp4", null)), null);
    }

    private static ConversationRepository collecting() {
        Conversation draft = mock(Conversation.class);
        when(draft.state()).thenReturn(Conversation.State.COLLECTING_ATTACHMENTS);
        when(draft.attachedFiles()).thenReturn(List.of());
        ConversationRepository conversations = mock(ConversationRepository.class);
        when(conversations.of(any())).thenReturn(Optional.of(draft));
        return conversations;
    }
}
