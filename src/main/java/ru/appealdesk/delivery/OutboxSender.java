package ru.appealdesk.delivery;

import static ru.appealdesk.logging.LogSafe.safe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import ru.appealdesk.chat.ChatAddress;

/**
 * Delivers one messenger's part of the outbox through its {@link Messenger}, with no database transaction open while it
 * is called. The worker reads the head of each chat's queue and leases the heads whose chat may get a message now
 * ({@code IN_FLIGHT} until the lease expires, in a short transaction); call threads then wait for their turn under the
 * messenger's limits ({@link RateLimits}, shared by every instance through the database), call the messenger and record
 * each outcome in its own short transaction. A crashed instance's leases expire and the messages are taken again:
 * nothing is lost, at most the one in-flight message of a chat is sent twice. Outcomes ({@link
 * MessengerException.Kind}): a rate limit waits as long as the messenger asks; transient errors back off exponentially;
 * an unreachable chat (blocked, deleted) is marked undeliverable and announced once ({@link ChatUnreachable}); an
 * expired button press is dropped; a message that keeps failing or is refused is kept as DEAD for admins, never
 * dropped.
 */
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final int MAX_ATTEMPTS = 12;
    private static final int BATCH = 50;

    private final OutboundMessageRepository messages;
    private final SentMessages sentMessages;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Outbox outbox;
    private final Messenger messenger;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final RateLimits limits;
    private final DeliveryMetrics metrics;
    private final Duration lease;
    private final Clock wall;
    /** Who holds a lease: this instance. */
    private final String owner = java.util.UUID.randomUUID().toString();
    private long lastCleanup = System.nanoTime();
    private Instant lastHeartbeat = Instant.EPOCH;
    /** Messenger calls run here, several at a time: the global limit, not the pool, paces them. */
    private final java.util.concurrent.ExecutorService calls;
    /** Free places for calls: a message is leased only when a call can start on it at once. */
    private final java.util.concurrent.Semaphore places;
    /**
     * Places only replies to a person may take, when every other place is busy with bulk messages waiting for
     * their slots: a reply is leased and called at once, not after a quarter of the bulk calls have gone.
     */
    private final java.util.concurrent.Semaphore replyPlaces = new java.util.concurrent.Semaphore(REPLY_PLACES);
    static final int REPLY_PLACES = 4;
    /**
     * Messages of this instance waiting for their bot-wide slots, at most (about a quarter second at Telegram's
     * pace): more places than this serve only a slow messenger, with calls under way rather than waiting.
     */
    static final int BULK_AHEAD = 6;
    private final OutboxSignal signal;
    /** How many places must be free before more messages are leased. */
    private final int refill;

    private final OutboundFiles files;

    OutboxSender(OutboundMessageRepository messages, SentMessages sentMessages, Outbox outbox,
                 Messenger messenger, TransactionTemplate tx, Clock clock, RateLimits limits,
                 DeliveryMetrics metrics, org.springframework.context.ApplicationEventPublisher events,
                 Duration lease, Clock wall, int parallelCalls, OutboxSignal signal, OutboundFiles files) {
        this.files = files;
        this.calls = java.util.concurrent.Executors.newFixedThreadPool(parallelCalls + REPLY_PLACES, r -> {
            Thread t = new Thread(r, "outbox-call");
            t.setDaemon(true);
            return t;
        });
        this.places = new java.util.concurrent.Semaphore(parallelCalls);
        this.refill = Math.max(1, parallelCalls / 4);
        this.signal = signal;
        this.lease = lease;
        this.wall = wall;
        this.messages = messages;
        this.sentMessages = sentMessages;
        this.events = events;
        this.outbox = outbox;
        this.messenger = messenger;
        this.tx = tx;
        this.clock = clock;
        this.limits = limits;
        this.metrics = metrics;
    }

    /** What a messenger call came to; applied to the stored message by the call thread that made it. */
    private record Outcome(Kind kind, String messageId, Duration delay, String error) {

        enum Kind { SENT, RETRY, UNDELIVERABLE, DEAD, WAIT_FOR_CARD, EXPIRED_CALLBACK }

        static Outcome of(Kind kind, String error) {
            return new Outcome(kind, null, null, error);
        }
    }

    /**
     * Leases what can go out now (once a quarter of the call places are free, or a reply place for a reply to a
     * person) and hands each message to a call thread, which calls the messenger and records the outcome in its own
     * transaction; does not wait for the calls. Returns -1 when nothing is due, 0 when it handed something over,
     * {@link #BUSY} when the call places are taken (a finished call or a new message wakes the worker), or the
     * nanoseconds until a rate-limited chat may get its next message. A chat's next message is not a head while one
     * is in flight, so no chat's messages are reordered.
     */
    long drainOnce() {
        heartbeat();
        if (System.nanoTime() - lastCleanup > 60_000_000_000L) {
            lastCleanup = System.nanoTime();
            limits.forgetIdle();
        }
        int free = places.availablePermits();
        int replyFree = replyPlaces.availablePermits();
        // bulk is leased once a quarter of the places are free (a few at a time would run the heads query for every
        // finished call; the calls waiting for their slots keep the bot-wide pace meanwhile), and no more of it than
        // goes out in the next quarter second or so (a reply to its chat would wait behind it); replies whenever a
        // reply place is free
        int waiting = limits.waitingForSlots();
        boolean bulk = free >= refill && waiting <= BULK_AHEAD / 2;
        if (!bulk && replyFree == 0) {
            return BUSY;
        }
        Instant wallNow = wall.instant();
        int bulkRoom = bulk ? Math.min(free, BULK_AHEAD - waiting) : 0;
        int room = bulkRoom + replyFree;
        // the heads of chats held for their acting person come first too and are passed over: read as many more
        List<OutboundMessageRepository.Head> heads = messages.heads(clock.instant(), wallNow,
                Math.max(room, BATCH) + outbox.activeChats().count(),
                messenger.kind().name(), bulk ? Integer.MAX_VALUE : OutboundMessage.PRIORITY_REPLY);
        if (heads.isEmpty()) {
            return bulk ? -1 : BUSY;
        }
        long wait = Long.MAX_VALUE;
        int bulkLeft = bulkRoom;
        int replyLeft = replyFree;
        List<Long> ready = new ArrayList<>();
        for (OutboundMessageRepository.Head head : heads) {
            if (bulkLeft == 0 && replyLeft == 0) {
                break;
            }
            if (bulkLeft == 0 && head.getPriority() != OutboundMessage.PRIORITY_REPLY) {
                continue; // only a reply fits now
            }
            // an answer to a button press is not a chat message: no chat limit (MAX's own limit on answers waits
            // on the call thread)
            long chatWait = OutboundMessage.Method.ANSWER_CALLBACK.name().equals(head.getMethod()) ? 0
                    : limits.chatWait(head.getChatId());
            if (chatWait == 0 && holdable(head)) {
                // a card or reminder to a person who is acting waits: the chat's pace is kept for the replies
                chatWait = outbox.activeChats().holdBulk(new ChatAddress(messenger.kind(), head.getChatId()));
            }
            if (chatWait > 0) {
                wait = Math.min(wait, chatWait);
            } else if (bulkLeft > 0) {
                bulkLeft--;
                ready.add(head.getId());
            } else {
                replyLeft--;
                ready.add(head.getId());
            }
        }
        List<Claimed> batch = ready.isEmpty() ? List.of() : claim(ready, wallNow);
        if (batch.isEmpty()) {
            return wait == Long.MAX_VALUE ? (bulk ? 0L : BUSY) : wait;
        }
        for (Claimed c : batch) {
            java.util.concurrent.Semaphore taken = takePlace(c.interactive());
            try {
                calls.execute(() -> callAndRecord(c, taken));
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                taken.release();
                return -1;
            }
        }
        return 0L;
    }

    /**
     * A call place for a leased message: any free one, else (a reply) a reply place. Only the worker takes places and
     * it leased no more than it counted free, so the wait never happens.
     */
    private java.util.concurrent.Semaphore takePlace(boolean interactive) {
        if (places.tryAcquire()) {
            return places;
        }
        if (interactive && replyPlaces.tryAcquire()) {
            return replyPlaces;
        }
        places.acquireUninterruptibly();
        return places;
    }

    /** The worker waits this long (at most) while every call place is busy; a finished call wakes it sooner. */
    static final long BUSY = 50_000_000L;

    /** On a call thread: the messenger call with no transaction open, then the outcome in a short one of its own. */
    private void callAndRecord(Claimed c, java.util.concurrent.Semaphore place) {
        try {
            Outcome outcome = call(c, c.method() != OutboundMessage.Method.ANSWER_CALLBACK);
            tx.executeWithoutResult(status -> messages.findById(c.id()).ifPresent(m -> {
                if (m.leasedTo(owner)) {
                    apply(m, outcome);
                } else {
                    log.warn("The lease on outbound message {} expired before its outcome was recorded", c.id());
                }
            }));
        } catch (RuntimeException e) {
            // the lease expires (or its sender falls silent) and the message is taken again
            if (calls.isShutdown()) {
                log.info("The service stopped before the outcome of outbound message {} was recorded; it is sent "
                        + "again after the start", c.id());
            } else {
                log.error("The outcome of outbound message {} could not be recorded", c.id(), e);
            }
        } finally {
            place.release();
            signal.wake();
        }
    }

    /**
     * Says this sender is alive, at most every {@link #HEARTBEAT} (and before its first lease): what it holds in flight
     * stays its own while it does; a sender silent for 15 seconds (a killed instance) has its messages taken over.
     */
    private void heartbeat() {
        Instant now = wall.instant();
        if (Duration.between(lastHeartbeat, now).compareTo(HEARTBEAT) >= 0) {
            tx.executeWithoutResult(status -> messages.heartbeat(owner, now));
            lastHeartbeat = now;
        }
    }

    /** How often a running sender says it is alive: well inside the 15 seconds after which it counts as gone. */
    static final Duration HEARTBEAT = Duration.ofSeconds(4);

    /** A leased message, with what its call needs, read in the claiming transaction. */
    private record Claimed(long id, long chatId, OutboundMessage.Method method, int attempts,
                           Outbox.Payload payload, String cardMessageId, boolean interactive) {
    }

    /** Leases the given heads in one short transaction; returns the ones this instance got. */
    /**
     * A new card, notice or reminder (not a reply, not an answer to a stranger, not the edit of a card already in
     * the chat, which must show its current state): what waits while the chat's person is acting.
     */
    private static boolean holdable(OutboundMessageRepository.Head head) {
        boolean notice = head.getPriority() == OutboundMessage.PRIORITY_CARD
                || head.getPriority() == OutboundMessage.PRIORITY_BULK;
        return notice && (OutboundMessage.Method.SEND_MESSAGE.name().equals(head.getMethod())
                || OutboundMessage.Method.SEND_MEDIA.name().equals(head.getMethod()));
    }

    private List<Claimed> claim(List<Long> ids, Instant wallNow) {
        List<Claimed> claimed = tx.execute(status -> {
            List<Long> leased = messages.lease(ids.toArray(Long[]::new), wallNow, wallNow.plus(lease), owner);
            List<Claimed> result = new ArrayList<>();
            for (OutboundMessage m : messages.findAllById(leased)) {
                String cardMessageId = m.method() == OutboundMessage.Method.EDIT_MESSAGE
                        ? sentMessages.messageIdOf(m.cardId()).orElse(null) : null;
                result.add(new Claimed(m.id(), m.chatId(), m.method(), m.attempts(), outbox.read(m), cardMessageId,
                        m.priority() == OutboundMessage.PRIORITY_REPLY));
            }
            result.sort(java.util.Comparator.comparingLong(Claimed::id));
            return result;
        });
        return claimed == null ? List.of() : claimed;
    }

    /** Stops the call pool when the application context closes. */
    void shutdown() {
        calls.shutdownNow();
    }

    /** The messenger call itself: no database access here, it runs on the call pool. */
    private Outcome call(Claimed message, boolean paced) {
        Outbox.Payload payload = message.payload();
        String cardMessageId = message.cardMessageId();
        try {
            if (message.method() == OutboundMessage.Method.EDIT_MESSAGE && cardMessageId == null) {
                return Outcome.of(Outcome.Kind.WAIT_FOR_CARD, null);
            }
            SendWindow.Send send = null;
            if (paced) {
                send = limits.awaitTurn(message.chatId(), message.interactive());
            } else {
                limits.awaitAnswer(message.chatId());
            }
            try {
                return callMessenger(message, payload, cardMessageId);
            } finally {
                if (send != null) {
                    send.answered();
                }
            }
        } catch (MessengerException e) {
            return classify(message, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Kind.RETRY, null, Duration.ofSeconds(1), "interrupted");
        } catch (RuntimeException e) {
            log.error("Outbound message {} cannot be sent: {}", message.id(), safe(e), e);
            return Outcome.of(Outcome.Kind.DEAD, e.toString());
        }
    }

    /** The messenger's call for the message's method. */
    private Outcome callMessenger(Claimed message, Outbox.Payload payload, String cardMessageId)
            throws MessengerException, InterruptedException {
        switch (message.method()) {
            case SEND_MESSAGE -> {
                String sent = messenger.send(message.chatId(), payload.text(), payload.keyboard());
                return new Outcome(Outcome.Kind.SENT, sent, null, null);
            }
            case EDIT_MESSAGE -> messenger.edit(message.chatId(), cardMessageId, payload.text(),
                    payload.keyboard());
            case SEND_MEDIA -> {
                List<Messenger.Attachment> attachments = payload.media().stream()
                        .map(m -> files.load(m.ref()).map(f -> new Messenger.Attachment(m.kind(), m.ref(),
                                f.content(), f.name())).orElseGet(() -> new Messenger.Attachment(m.kind(),
                                m.ref()))).toList();
                sendFiles(message.chatId(), attachments, message.interactive());
            }
            case SET_MENU_BUTTON -> messenger.setMenuButton(message.chatId(), payload.keyboard().get(0).get(0));
            case ANSWER_CALLBACK -> messenger.answerCallback(payload.callbackQueryId(), payload.text(),
                    Boolean.TRUE.equals(payload.alert()));
        }
        return Outcome.of(Outcome.Kind.SENT, null);
    }

    /**
     * Files: each request the messenger makes after the first waits for a bot-wide slot of its own (the first took
     * its slot with the chat's turn), so the calls of many files never burst over the limit.
     */
    private void sendFiles(long chatId, List<Messenger.Attachment> attachments, boolean interactive)
            throws MessengerException, InterruptedException {
        messenger.sendFiles(chatId, attachments, () -> limits.awaitGlobalSlot(interactive));
    }

    private void apply(OutboundMessage message, Outcome outcome) {
        Instant now = wall.instant();
        switch (outcome.kind()) {
            case SENT -> {
                message.sent(now);
                metrics.sent.increment();
                if (outcome.messageId() != null && message.cardId() != null) {
                    events.publishEvent(new MessageDelivered(message.cardId(), message.chat(),
                            outcome.messageId()));
                }
            }
            case RETRY -> retry(message, now, outcome.delay(), outcome.error());
            case UNDELIVERABLE -> undeliverable(message, outcome.error());
            case EXPIRED_CALLBACK -> message.fail(OutboundMessage.Status.UNDELIVERABLE, outcome.error());
            case DEAD -> {
                log.error("Outbound message {} was refused: {}", message.id(), safe(outcome.error()));
                message.fail(OutboundMessage.Status.DEAD, outcome.error());
                metrics.dead.increment();
            }
            case WAIT_FOR_CARD -> {
                if (messages.pendingSendsOfCard(message.cardId()) > 0) {
                    message.deferTo(now.plusSeconds(1));
                } else {
                    message.fail(OutboundMessage.Status.DEAD, "the card was never delivered");
                    metrics.dead.increment();
                }
            }
        }
    }

    private Outcome classify(Claimed message, MessengerException e) {
        String error = e.getMessage();
        return switch (e.kind()) {
            case RATE_LIMITED -> new Outcome(Outcome.Kind.RETRY, null, e.retryAfter(), error);
            case TRANSIENT -> new Outcome(Outcome.Kind.RETRY, null, backoff(message.attempts()), error);
            case CHAT_UNREACHABLE -> Outcome.of(Outcome.Kind.UNDELIVERABLE, error);
            case EXPIRED -> Outcome.of(Outcome.Kind.EXPIRED_CALLBACK, error);
            case REFUSED -> Outcome.of(Outcome.Kind.DEAD, error);
        };
    }

    /** The messenger will not deliver to this chat (blocked, deleted): keep the message, say so once. */
    private void undeliverable(OutboundMessage message, String reason) {
        message.fail(OutboundMessage.Status.UNDELIVERABLE, reason);
        metrics.undeliverable.increment();
        log.warn("Outbound message {} to chat {} is undeliverable: {}", message.id(), message.chat(), safe(reason));
        if (messages.markUndeliverable(message.chat().messenger().name(), message.chatId(), reason,
                clock.instant()) == 1) {
            events.publishEvent(new ChatUnreachable(message.chat(), reason));
        }
    }

    private void retry(OutboundMessage message, Instant now, Duration delay, String error) {
        message.retryAt(now.plus(delay), error, MAX_ATTEMPTS);
        if (message.status() == OutboundMessage.Status.DEAD) {
            metrics.dead.increment();
            log.error("Outbound message {} failed {} times and is kept as dead: {}", message.id(),
                    message.attempts(), safe(error));
        } else {
            metrics.retried.increment();
            log.warn("Outbound message {} will be retried in {}: {}", message.id(), delay, safe(error));
        }
    }

    private static Duration backoff(int attempts) {
        return Duration.ofMillis(Math.min(300_000, 500L << Math.min(attempts, 10)));
    }
}
