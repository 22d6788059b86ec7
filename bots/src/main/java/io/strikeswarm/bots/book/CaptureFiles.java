package io.strikeswarm.bots.book;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens capture files, gzip-compressed or plain: which one is told by the gzip magic number, not the file name. */
public final class CaptureFiles {
  private static final int GZIP_BUFFER = 1 << 16;

  private CaptureFiles() {}

  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), GZIP_BUFFER);
    in.mark(2);
    int first = in.read();
    int second = in.read();
    in.reset();
    boolean gzip = first == 0x1f && second == 0x8b;
    return gzip ? new GZIPInputStream(in, GZIP_BUFFER) : in;
  }

  /** The whole (decompressed) content of a capture file. */
  public static byte[] readAll(Path file) throws IOException {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    }
  }
}
