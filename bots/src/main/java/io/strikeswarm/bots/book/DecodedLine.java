package io.strikeswarm.bots.book;

/** What one line of a capture (or one websocket message) decodes to: a market message, or why it was rejected. */
public sealed interface DecodedLine permits MarketMessage, RejectedLine {}
