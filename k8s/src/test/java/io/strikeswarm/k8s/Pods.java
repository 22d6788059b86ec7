package io.strikeswarm.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading a workload's pod template. */
final class Pods {
  private Pods() {}

  static JsonObject spec(JsonObject workload) {
    return workload.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec");
  }

  static Map<String, String> templateLabels(JsonObject workload) {
    Map<String, String> labels = new LinkedHashMap<>();
    workload.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("metadata")
        .getAsJsonObject("labels").entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
    return labels;
  }

  static JsonObject container(JsonObject workload, String name) {
    for (JsonElement c : spec(workload).getAsJsonArray("containers")) {
      if (c.getAsJsonObject().get("name").getAsString().equals(name)) return c.getAsJsonObject();
    }
    throw new AssertionError("no container " + name + " in " + Manifests.id(workload));
  }

  static Map<String, Integer> ports(JsonObject container) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (JsonElement p : container.getAsJsonArray("ports")) {
      ports.put(p.getAsJsonObject().get("name").getAsString(), p.getAsJsonObject().get("containerPort").getAsInt());
    }
    return ports;
  }

  /** "PORT PATH" of an httpGet probe. */
  static String httpProbe(JsonObject container, String probe) {
    JsonObject get = container.getAsJsonObject(probe).getAsJsonObject("httpGet");
    return get.get("port").getAsString() + " " + get.get("path").getAsString();
  }

  /** Each variable's value, or "fieldRef:PATH" / "secret:NAME/KEY" for values taken from elsewhere. */
  static Map<String, String> env(JsonObject container) {
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonElement e : container.getAsJsonArray("env")) {
      JsonObject var = e.getAsJsonObject();
      String value;
      if (var.has("value")) {
        value = var.get("value").getAsString();
      } else if (var.getAsJsonObject("valueFrom").has("fieldRef")) {
        value = "fieldRef:" + var.getAsJsonObject("valueFrom").getAsJsonObject("fieldRef").get("fieldPath").getAsString();
      } else {
        JsonObject ref = var.getAsJsonObject("valueFrom").getAsJsonObject("secretKeyRef");
        value = "secret:" + ref.get("name").getAsString() + "/" + ref.get("key").getAsString();
      }
      env.put(var.get("name").getAsString(), value);
    }
    return env;
  }
}
