package io.strikeswarm.http.view;

/**
 * One event of a bot's journal as the API shows it: its sequence number, its type (the event's class name), when it
 * was persisted (wall clock, epoch ms), and the event itself.
 */
public record JournalEvent(long seq, String type, long persistedAtMs, Object event) {}
