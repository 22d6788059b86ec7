package io.strikeswarm.swarm.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A text source split into numbered physical lines, so every error can name the line an editor shows. Handles LF,
 * CRLF and a UTF-8 byte-order mark; undecodable bytes fail the load instead of becoming replacement characters.
 */
final class TextLines {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private TextLines() {}

  record Line(long number, String text) {
    boolean isBlank() {
      return text.isBlank();
    }
  }

  static List<Line> read(String source, InputStream in) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Line> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
      long number = 0;
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        number++;
        if (number == 1 && !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) text = text.substring(1);
        lines.add(new Line(number, text));
      }
    } catch (CharacterCodingException e) {
      throw MarketDataException.ofSource(source, "not UTF-8 text");
    } catch (IOException e) {
      throw MarketDataException.ofSource(source, "cannot read: " + e.getMessage());
    }
    return lines;
  }
}
