package io.strikeswarm.dex.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The npm packages of the local harness ({@code evm/} at the repository root: anvil and the Uniswap V2 build JSON),
 * installed on demand. {@link #ensureInstalled()} runs {@code npm ci --no-audit --no-fund} in {@code evm/} when
 * {@code node_modules} is missing or older than {@code package-lock.json}, so a fresh clone needs nothing installed
 * by hand besides Node.js. Concurrent callers (threads or JVMs) install once: they queue on a file lock.
 *
 * <p>The directory is {@code -Dstrikeswarm.evm.dir}, else {@code STRIKESWARM_EVM_DIR}, else the first {@code evm/}
 * holding a {@code package.json} in the working directory or one of its parents.
 */
public final class EvmPackages {

  public static final String DIR_PROPERTY = "strikeswarm.evm.dir";
  public static final String DIR_ENV = "STRIKESWARM_EVM_DIR";
  public static final String ANVIL_PACKAGE = "@foundry-rs/anvil-linux-amd64";

  private static final Object IN_JVM = new Object();
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvmPackages() {}

  /** The {@code evm/} directory (not necessarily installed yet). */
  public static Path locate() {
    String configured = System.getProperty(DIR_PROPERTY);
    String from = "-D" + DIR_PROPERTY;
    if (configured == null || configured.isBlank()) {
      configured = System.getenv(DIR_ENV);
      from = DIR_ENV;
    }
    if (configured != null && !configured.isBlank()) {
      Path dir = Path.of(configured).toAbsolutePath().normalize();
      if (!Files.isRegularFile(dir.resolve("package.json"))) {
        throw new IllegalStateException(from + " = " + dir + " has no package.json");
      }
      return dir;
    }
    Path start = Path.of("").toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path evm = dir.resolve("evm");
      if (Files.isRegularFile(evm.resolve("package.json"))) return evm;
    }
    throw new IllegalStateException("no evm/package.json in " + start + " or any parent directory; run from the"
        + " repository or set -D" + DIR_PROPERTY + " / " + DIR_ENV);
  }

  /** {@link #locate()}, installed. */
  public static Path ensureInstalled() {
    return ensureInstalled(locate());
  }

  /** Installs the packages of {@code evmDir} with {@code npm ci} unless they are installed and current. */
  public static Path ensureInstalled(Path evmDir) {
    synchronized (IN_JVM) {
      try (FileChannel channel = FileChannel.open(evmDir.resolve(".npm-install.lock"), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
        if (needsInstall(evmDir)) npmCi(evmDir);
      } catch (IOException e) {
        throw new IllegalStateException("cannot lock " + evmDir + " for npm ci: " + e.getMessage(), e);
      }
    }
    Path anvil = anvilBinary(evmDir);
    if (!Files.isRegularFile(anvil)) {
      throw new IllegalStateException("npm ci in " + evmDir + " left no anvil binary at " + anvil);
    }
    return evmDir;
  }

  /** Missing, or installed from an older lock file than the current one. */
  public static boolean needsInstall(Path evmDir) {
    Path installed = evmDir.resolve("node_modules").resolve(".package-lock.json");
    Path lock = evmDir.resolve("package-lock.json");
    try {
      if (!Files.isRegularFile(installed)) return true;
      if (!Files.isRegularFile(packageDir(evmDir, ANVIL_PACKAGE).resolve("package.json"))) return true;
      FileTime lockTime = Files.getLastModifiedTime(lock);
      return Files.getLastModifiedTime(installed).compareTo(lockTime) < 0;
    } catch (IOException e) {
      return true;
    }
  }

  public static Path nodeModules(Path evmDir) {
    return evmDir.resolve("node_modules");
  }

  public static Path packageDir(Path evmDir, String npmPackage) {
    Path dir = nodeModules(evmDir);
    for (String part : npmPackage.split("/")) dir = dir.resolve(part);
    return dir;
  }

  /** The anvil executable, as the package's {@code bin} entry names it; made executable if npm left it not. */
  public static Path anvilBinary(Path evmDir) {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new IllegalStateException(ANVIL_PACKAGE + " holds a linux-amd64 binary; this is " + os + "/" + arch);
    }
    Path pkg = packageDir(evmDir, ANVIL_PACKAGE);
    String relative = "bin/anvil";
    try {
      JsonNode manifest = JSON.readTree(pkg.resolve("package.json").toFile());
      JsonNode bin = manifest.get("bin");
      if (bin != null && bin.isTextual()) relative = bin.asText();
      else if (bin != null && bin.has("anvil")) relative = bin.get("anvil").asText();
    } catch (IOException e) {
      // not installed yet: the default location is reported by the caller
    }
    Path binary = pkg.resolve(relative).normalize();
    if (Files.isRegularFile(binary) && !Files.isExecutable(binary)) binary.toFile().setExecutable(true);
    return binary;
  }

  private static void npmCi(Path evmDir) {
    List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund");
    Path output;
    try {
      output = Files.createTempFile("npm-ci-", ".log");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a log file for npm ci: " + e.getMessage(), e);
    }
    try {
      Process p;
      try {
        p = new ProcessBuilder(command).directory(evmDir.toFile()).redirectErrorStream(true)
            .redirectOutput(output.toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException("npm is not on the PATH (" + e.getMessage() + "): install Node.js >= 20,"
            + " or run 'npm ci' in " + evmDir + " by hand");
      }
      boolean done = p.waitFor(10, TimeUnit.MINUTES);
      if (!done) {
        p.destroyForcibly();
        throw new IllegalStateException("npm ci in " + evmDir + " did not finish within 10 minutes");
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("npm ci in " + evmDir + " failed with exit code " + p.exitValue() + ":\n"
            + tail(output, 30));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while npm ci ran in " + evmDir);
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  static String tail(Path file, int lines) {
    try {
      List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
