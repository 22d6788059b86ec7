package io.strikeswarm.master.capital;

/** A setting that cannot be used: the message names the setting and what is wrong with it. */
public final class ConfigError extends IllegalArgumentException {
  private final String setting;

  public ConfigError(String setting, String problem) {
    super(setting + ": " + problem);
    this.setting = setting;
  }

  public String setting() {
    return setting;
  }
}
