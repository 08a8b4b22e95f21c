package ru.appealdesk.directory;

/**
 * A source's {@code surge} rule (002 п.11, 004 п.25): {@code count} appeals of one category about the {@code same}
 * street or address received within {@code within} make a surge.
 */
public record Surge(int count, WorkDuration within, Same same) {

    /** What the appeals must share: the street, or the whole address (street and house). */
    public enum Same { STREET, ADDRESS }
}
