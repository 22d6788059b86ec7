package io.strikeswarm.swarm.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child swarm JVM is started: this JVM's {@code java}, this JVM's classpath (the shaded {@code swarm.jar}
 * from the command line; Surefire's test classpath under Maven) and {@code SwarmCli} as main class. A real,
 * separate process: it shares nothing with the harness but the data directory.
 */
public record Launcher(Path java, String classpath, List<String> jvmOptions) {
  public Launcher {
    jvmOptions = List.copyOf(jvmOptions);
  }

  /**
   * Children start many times and live seconds each: the client compiler alone (C1) halves their start-up here, and
   * what they run is the same code, so the trials test the same thing.
   */
  public static Launcher ofThisJvm() {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return new Launcher(Path.of(System.getProperty("java.home"), "bin", "java"), classpath,
        List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  List<String> command(List<String> swarmArgs) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(io.strikeswarm.swarm.SwarmCli.class.getName());
    command.addAll(swarmArgs);
    return command;
  }
}
