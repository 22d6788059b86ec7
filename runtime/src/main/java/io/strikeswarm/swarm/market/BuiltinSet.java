package io.strikeswarm.swarm.market;

/** A real data set shipped on the classpath, loadable as {@code builtin:NAME}. */
public record BuiltinSet(String name, String instrument, String description) {

  public String spec() {
    return SourceSpec.BUILTIN_PREFIX + name;
  }
}
