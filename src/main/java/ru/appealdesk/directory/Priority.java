package ru.appealdesk.directory;

/** How urgent an appeal is: ПОС fast-track, «повышенной важности» (HIGH) or normal. */
public enum Priority {
    NORMAL, FAST_TRACK, HIGH
}
