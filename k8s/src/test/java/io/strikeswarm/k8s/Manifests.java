package io.strikeswarm.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Kubernetes objects as JSON trees: rendered from a kustomization by {@code kubectl kustomize} (kustomize v5.5 inside
 * the kubectl the project pins, {@link PinnedKubectl}), or read from a plain YAML file.
 */
record Manifests(List<JsonObject> objects) {
  static final Path K8S = Path.of("").toAbsolutePath();

  Manifests {
    objects = List.copyOf(objects);
  }

  static Manifests render(Path kustomization) {
    List<String> command = List.of(kubectl(), "kustomize", kustomization.toString());
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
      }
      return parse(new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static Manifests read(Path yamlFile) throws IOException {
    return parse(Files.readString(yamlFile));
  }

  static Manifests parse(String yaml) throws IOException {
    List<JsonObject> objects = new ArrayList<>();
    YAMLMapper mapper = new YAMLMapper();
    try (MappingIterator<JsonNode> docs = mapper.readValues(new YAMLFactory().createParser(yaml), JsonNode.class)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && !doc.isNull() && !doc.isEmpty()) objects.add(JsonParser.parseString(doc.toString()).getAsJsonObject());
      }
    }
    return new Manifests(objects);
  }

  List<JsonObject> ofKind(String kind) {
    return objects.stream().filter(o -> kind(o).equals(kind)).toList();
  }

  Optional<JsonObject> find(String kind, String name) {
    return objects.stream().filter(o -> kind(o).equals(kind) && name(o).equals(name)).findFirst();
  }

  JsonObject get(String kind, String name) {
    return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the render"));
  }

  static String kind(JsonObject o) {
    return o.has("kind") ? o.get("kind").getAsString() : "";
  }

  static String name(JsonObject o) {
    return o.getAsJsonObject("metadata").get("name").getAsString();
  }

  static String id(JsonObject o) {
    return kind(o) + " " + name(o);
  }

  /** A deep copy to break on purpose. */
  Manifests copy() {
    return new Manifests(objects.stream().map(JsonObject::deepCopy).toList());
  }

  /** kubectl from PATH (the machine image ships it as Debian's package `kubectl`). */
  private static String kubectl() {
    return PinnedKubectl.path().toString();
  }
}
