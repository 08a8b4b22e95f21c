package ru.appealdesk.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import ru.appealdesk.chat.MessengerKind;
import ru.appealdesk.delivery.Button;
import ru.appealdesk.delivery.Messenger;
import ru.appealdesk.delivery.MessengerException;

/**
 * When the service's outbox handed each text message (and each message of files) to a messenger's client
 * ({@link System#nanoTime()}, taken right after the sender's own pacing let it go): the sender's side of a rate, to
 * hold against what the fake saw arrive. Imported by a benchmark, it wraps every {@link Messenger} bean.
 */
@TestConfiguration(proxyBeanMethods = false)
class Departures {

    /** A send handed to the client: the messenger, the chat, when, and whether the messenger accepted it. */
    record Departure(MessengerKind messenger, long chatId, long at, boolean accepted) {
    }

    private static final List<Departure> ALL = Collections.synchronizedList(new ArrayList<>());
    private static final List<Long> FILES = Collections.synchronizedList(new ArrayList<>());

    /** The sends since {@code from} to one messenger, in the order they started. */
    static List<Departure> of(MessengerKind messenger, long from) {
        synchronized (ALL) {
            return ALL.stream().filter(d -> d.messenger() == messenger && d.at() >= from).toList();
        }
    }

    /** When each message of files since {@code from} was handed to a messenger's client (all messengers). */
    static List<Long> ofFiles(long from) {
        synchronized (FILES) {
            return FILES.stream().filter(t -> t >= from).toList();
        }
    }

    @Bean
    static BeanPostProcessor departuresOfMessengers() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof Messenger messenger ? new Stamped(messenger) : bean;
            }
        };
    }

    /** A messenger whose sends are stamped; everything else goes straight through. */
    private record Stamped(Messenger delegate) implements Messenger {

        @Override
        public MessengerKind kind() {
            return delegate.kind();
        }

        @Override
        public int textLimit() {
            return delegate.textLimit();
        }

        @Override
        public String send(long chatId, String html, List<List<Button>> keyboard) throws MessengerException {
            long at = System.nanoTime();
            boolean accepted = false;
            try {
                String id = delegate.send(chatId, html, keyboard);
                accepted = true;
                return id;
            } finally {
                ALL.add(new Departure(delegate.kind(), chatId, at, accepted));
            }
        }

        @Override
        public void edit(long chatId, String messageId, String html, List<List<Button>> keyboard)
                throws MessengerException {
            delegate.edit(chatId, messageId, html, keyboard);
        }

        @Override
        public void sendFiles(long chatId, List<Attachment> files, CallPacer pacer)
                throws MessengerException, InterruptedException {
            FILES.add(System.nanoTime());
            delegate.sendFiles(chatId, files, pacer);
        }

        @Override
        public void sendFiles(long chatId, List<Attachment> files) throws MessengerException {
            FILES.add(System.nanoTime());
            delegate.sendFiles(chatId, files);
        }

        @Override
        public void answerCallback(String callbackId, String text, boolean alert) throws MessengerException {
            delegate.answerCallback(callbackId, text, alert);
        }

        @Override
        public void setMenuButton(long chatId, Button miniApp) throws MessengerException {
            delegate.setMenuButton(chatId, miniApp);
        }
    }
}
