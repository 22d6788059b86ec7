package io.strikeswarm.cex.config;

/** A configuration error; the message starts with the full path of the setting at fault. */
public final class CexConfigException extends IllegalArgumentException {
  public CexConfigException(String path, String problem) {
    super(path + ": " + problem);
  }
}
