package ru.appealdesk.web;

import java.io.IOException;

/** A request body went past the service's limit while it was being read. */
public class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit / 1024 + " KiB");
    }
}
