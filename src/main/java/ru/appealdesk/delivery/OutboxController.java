package ru.appealdesk.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /api/outbox}: lets an administrator see messages that could not be delivered (dead letters, chats that
 * blocked the bot) and put one back in the queue.
 */
@RestController
@RequestMapping("/api/outbox")
class OutboxController {

    private final OutboundMessageRepository messages;
    private final OutboxSignal signal;

    OutboxController(OutboundMessageRepository messages, OutboxSignal signal) {
        this.messages = messages;
        this.signal = signal;
    }

    /**
     * One stored message, without its content (it may hold applicants' data); its chat is {@code chatId} in {@code
     * messenger} (the same number in two messengers is two chats).
     */
    record OutboxEntry(long id, String messenger, long chatId, String method, String status, int attempts,
                       String lastError, Instant createdAt) {
    }

    @GetMapping
    // one snapshot for the list and the total: a message that dies meanwhile is in both or in neither
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    Map<String, Object> list(@RequestParam(defaultValue = "DEAD") OutboundMessage.Status status) {
        List<OutboxEntry> entries = messages.findTop200ByStatusOrderByIdDesc(status).stream()
                .map(m -> new OutboxEntry(m.id(), m.chat().messenger().name(), m.chatId(), m.method().name(),
                        m.status().name(), m.attempts(), m.lastError(), m.createdAt()))
                .toList();
        return Map.of("status", status, "total", messages.countByStatus(status), "latest", entries);
    }

    @PostMapping("/{id}/retry")
    @Transactional
    Map<String, Object> retry(@PathVariable long id) {
        OutboundMessage message = messages.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No outbound message " + id));
        if (message.status() != OutboundMessage.Status.DEAD
                && message.status() != OutboundMessage.Status.UNDELIVERABLE) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "Only DEAD or UNDELIVERABLE messages can be retried; this one is " + message.status());
        }
        message.requeue();
        messages.markReachable(message.chat().messenger().name(), message.chatId());
        signal.wake();
        return Map.of("id", id, "status", message.status());
    }
}
