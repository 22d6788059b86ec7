package io.strikeswarm.swarm.market;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Column positions by name, case-insensitive, so exporters may order, case and pad their headers as they like. */
final class CsvHeader {
  private final List<String> names;
  private final Map<String, Integer> positions = new HashMap<>();

  CsvHeader(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      // First occurrence wins: a repeated column name is most likely an export artefact after the real one.
      positions.putIfAbsent(names.get(i).toLowerCase(Locale.ROOT), i);
    }
  }

  boolean has(String name) {
    return positions.containsKey(name);
  }

  int indexOf(String name) {
    Integer position = positions.get(name);
    if (position == null) throw new IllegalStateException("no column " + name + " in " + names);
    return position;
  }

  Optional<String> firstPresent(String... candidates) {
    for (String candidate : candidates) {
      if (has(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  int size() {
    return names.size();
  }

  /** The header as the file wrote it, for error messages. */
  String asWritten() {
    return String.join(",", names);
  }
}
