package io.strikeswarm.bots.book;

/** Receives one line as a slice of a buffer that is reused afterwards: copy what must outlive the call. */
@FunctionalInterface
public interface LineConsumer {
  void line(byte[] buffer, int offset, int length);
}
