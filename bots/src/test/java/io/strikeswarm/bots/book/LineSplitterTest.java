package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LineSplitterTest {

  private static List<String> collect(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    LineSplitter.forEachLine(in, (buffer, offset, length) ->
        lines.add(new String(buffer, offset, length, StandardCharsets.UTF_8)));
    return lines;
  }

  /** Hands out at most {@code chunk} bytes per read, so lines straddle reads. */
  private static InputStream trickling(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, chunk));
      }
    };
  }

  @Provide
  Arbitrary<List<String>> lineLists() {
    return Arbitraries.strings().withChars("ab{}\" é0").ofMaxLength(40).list().ofMaxSize(30);
  }

  @Property
  void theLinesComeOutAsTheyWentInWhateverTheReadSizes(@ForAll("lineLists") List<String> lines,
      @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll boolean crlf) throws IOException {
    String separator = crlf ? "\r\n" : "\n";
    StringBuilder text = new StringBuilder();
    for (String line : lines) text.append(line).append(separator);
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    assertThat(collect(trickling(bytes, chunk))).isEqualTo(lines);
    List<String> fromArray = new ArrayList<>();
    LineSplitter.forEachLine(bytes, (buffer, offset, length) ->
        fromArray.add(new String(buffer, offset, length, StandardCharsets.UTF_8)));
    assertThat(fromArray).isEqualTo(lines);
  }

  @Test
  void aLastLineWithoutTerminatorCounts() throws IOException {
    byte[] bytes = "first\nlast".getBytes(StandardCharsets.UTF_8);

    assertThat(collect(new ByteArrayInputStream(bytes))).containsExactly("first", "last");
  }

  @Test
  void aLineLongerThanTheReadBufferComesOutWhole() throws IOException {
    String longLine = "x".repeat(3 << 20);
    byte[] bytes = ("short\n" + longLine + "\nend\n").getBytes(StandardCharsets.UTF_8);

    assertThat(collect(new ByteArrayInputStream(bytes))).containsExactly("short", longLine, "end");
  }
}
