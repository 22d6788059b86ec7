package io.strikeswarm.bots.book;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines without decoding it to characters: the JSON decoder reads UTF-8 bytes directly, so a
 * String per line would be pure overhead. Accepts {@code \n} and {@code \r\n}; a last line without a terminator
 * counts; empty lines are passed on too (the consumer decides what they mean).
 */
public final class LineSplitter {
  private static final int INITIAL_BUFFER = 1 << 20;

  private LineSplitter() {}

  /** Feeds every line of the stream to the consumer, in order; returns how many there were. */
  public static long forEachLine(InputStream in, LineConsumer consumer) throws IOException {
    byte[] buffer = new byte[INITIAL_BUFFER];
    int start = 0;
    int end = 0;
    long lines = 0;
    while (true) {
      if (end == buffer.length) {
        if (start > 0) {
          System.arraycopy(buffer, start, buffer, 0, end - start);
          end -= start;
          start = 0;
        } else {
          buffer = Arrays.copyOf(buffer, buffer.length * 2); // a line longer than the buffer
        }
      }
      int read = in.read(buffer, end, buffer.length - end);
      if (read < 0) break;
      int scanFrom = end;
      end += read;
      for (int i = scanFrom; i < end; i++) {
        if (buffer[i] == '\n') {
          emit(buffer, start, i, consumer);
          lines++;
          start = i + 1;
        }
      }
    }
    if (start < end) {
      emit(buffer, start, end, consumer);
      lines++;
    }
    return lines;
  }

  /** Lines of a byte array already in memory, without copying it. */
  public static long forEachLine(byte[] bytes, LineConsumer consumer) {
    int start = 0;
    long lines = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        emit(bytes, start, i, consumer);
        lines++;
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      emit(bytes, start, bytes.length, consumer);
      lines++;
    }
    return lines;
  }

  private static void emit(byte[] buffer, int start, int end, LineConsumer consumer) {
    int lineEnd = end > start && buffer[end - 1] == '\r' ? end - 1 : end;
    consumer.line(buffer, start, lineEnd - start);
  }
}
