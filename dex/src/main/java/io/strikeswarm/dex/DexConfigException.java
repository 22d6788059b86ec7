package io.strikeswarm.dex;

import java.util.List;

/** The DEX configuration is unusable; the message lists every problem found, each with its configuration path. */
public final class DexConfigException extends IllegalArgumentException {

  private final List<String> problems;

  public DexConfigException(List<String> problems) {
    super("invalid DEX configuration:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
