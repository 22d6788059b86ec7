package io.strikeswarm.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the API server does not check but a working deployment needs: the names and labels that tie the objects
 * together. Each problem names the object and the reference that leads nowhere. Objects made outside the render
 * (the Secret an operator creates from its template) are passed as {@code external}.
 */
final class CrossReferences {
  private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet");
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

  private final Manifests manifests;
  private final Manifests external;
  private final List<String> problems = new ArrayList<>();

  private CrossReferences(Manifests manifests, Manifests external) {
    this.manifests = manifests;
    this.external = external;
  }

  static List<String> problems(Manifests manifests, Manifests external) {
    CrossReferences check = new CrossReferences(manifests, external);
    check.namespaces();
    for (JsonObject o : manifests.objects()) {
      String kind = Manifests.kind(o);
      if (WORKLOADS.contains(kind)) check.workload(o);
      if (kind.equals("Service")) check.service(o);
      if (kind.equals("RoleBinding")) check.roleBinding(o);
      if (kind.equals("PodDisruptionBudget")) check.podDisruptionBudget(o);
      if (kind.equals("HorizontalPodAutoscaler")) check.autoscaler(o);
    }
    return List.copyOf(check.problems);
  }

  private void problem(JsonObject o, String what) {
    problems.add(Manifests.id(o) + ": " + what);
  }

  /** Every namespaced object lives in a namespace the render creates. */
  private void namespaces() {
    Set<String> created = Set.copyOf(manifests.ofKind("Namespace").stream().map(Manifests::name).toList());
    for (JsonObject o : manifests.objects()) {
      if (CLUSTER_SCOPED.contains(Manifests.kind(o))) continue;
      String ns = namespace(o);
      if (ns == null) problem(o, "has no namespace (it would land in whatever namespace kubectl points at)");
      else if (!created.contains(ns)) problem(o, "namespace " + ns + " is not created by these manifests");
    }
  }

  private void workload(JsonObject w) {
    JsonObject spec = w.getAsJsonObject("spec");
    Map<String, String> selector = strings(obj(spec, "selector", "matchLabels"));
    Map<String, String> podLabels = strings(obj(spec, "template", "metadata", "labels"));
    if (selector.isEmpty() || !matches(selector, podLabels)) {
      problem(w, "selector " + selector + " does not select its own pods " + podLabels);
    }
    JsonObject pod = obj(spec, "template", "spec");
    String account = str(pod, "serviceAccountName");
    if (account != null && lookup("ServiceAccount", account, namespace(w)).isEmpty()) {
      problem(w, "serviceAccountName " + account + " has no ServiceAccount");
    }
    Map<String, JsonObject> volumes = new LinkedHashMap<>();
    for (JsonElement v : arr(pod, "volumes")) volumes.put(str(v.getAsJsonObject(), "name"), v.getAsJsonObject());
    for (JsonObject volume : volumes.values()) volumeSource(w, volume);
    if (Manifests.kind(w).equals("StatefulSet")) {
      String serviceName = str(spec, "serviceName");
      Optional<JsonObject> governing = lookup("Service", serviceName, namespace(w));
      if (governing.isEmpty() || !"None".equals(str(governing.get().getAsJsonObject("spec"), "clusterIP"))) {
        problem(w, "serviceName " + serviceName + " is not a headless Service");
      }
      for (JsonElement claim : arr(spec, "volumeClaimTemplates")) {
        volumes.put(str(claim.getAsJsonObject().getAsJsonObject("metadata"), "name"), claim.getAsJsonObject());
      }
    }
    for (JsonElement c : arr(pod, "containers")) container(w, c.getAsJsonObject(), volumes.keySet());
  }

  private void volumeSource(JsonObject w, JsonObject volume) {
    JsonObject configMap = obj(volume, "configMap");
    if (configMap != null) {
      keysExist(w, "volume " + str(volume, "name"), "ConfigMap", str(configMap, "name"), items(configMap),
          bool(configMap, "optional"));
    }
    JsonObject secret = obj(volume, "secret");
    if (secret != null) {
      keysExist(w, "volume " + str(volume, "name"), "Secret", str(secret, "secretName"), items(secret),
          bool(secret, "optional"));
    }
  }

  private void container(JsonObject w, JsonObject c, Set<String> volumes) {
    String where = "container " + str(c, "name");
    for (JsonElement m : arr(c, "volumeMounts")) {
      String name = str(m.getAsJsonObject(), "name");
      if (!volumes.contains(name)) problem(w, where + " mounts volume " + name + ", which the pod does not have");
    }
    for (JsonElement e : arr(c, "env")) {
      JsonObject from = obj(e.getAsJsonObject(), "valueFrom");
      if (from == null) continue;
      JsonObject secretRef = obj(from, "secretKeyRef");
      if (secretRef != null) {
        keysExist(w, where + " env " + str(e.getAsJsonObject(), "name"), "Secret", str(secretRef, "name"),
            List.of(str(secretRef, "key")), bool(secretRef, "optional"));
      }
      JsonObject configRef = obj(from, "configMapKeyRef");
      if (configRef != null) {
        keysExist(w, where + " env " + str(e.getAsJsonObject(), "name"), "ConfigMap", str(configRef, "name"),
            List.of(str(configRef, "key")), bool(configRef, "optional"));
      }
    }
    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
      JsonObject p = obj(c, probe);
      if (p == null) continue;
      JsonObject action = obj(p, "httpGet") != null ? obj(p, "httpGet") : obj(p, "tcpSocket");
      if (action != null && !exposes(c, action.get("port"))) {
        problem(w, where + " " + probe + " hits port " + action.get("port") + ", which the container does not expose");
      }
    }
  }

  private void service(JsonObject s) {
    JsonObject spec = s.getAsJsonObject("spec");
    Map<String, String> selector = strings(obj(spec, "selector"));
    List<JsonObject> pods = podTemplatesSelectedBy(selector, namespace(s));
    if (pods.isEmpty()) {
      problem(s, "selector " + selector + " selects no pods of these manifests");
      return;
    }
    for (JsonElement p : arr(spec, "ports")) {
      JsonElement target = p.getAsJsonObject().has("targetPort") ? p.getAsJsonObject().get("targetPort")
          : p.getAsJsonObject().get("port");
      for (JsonObject pod : pods) {
        boolean exposed = false;
        for (JsonElement c : arr(pod, "containers")) exposed |= exposes(c.getAsJsonObject(), target);
        if (!exposed) problem(s, "port " + str(p.getAsJsonObject(), "name") + " targets " + target
            + ", which the selected pods do not expose");
      }
    }
  }

  private void roleBinding(JsonObject b) {
    JsonObject ref = b.getAsJsonObject("roleRef");
    if (lookup(str(ref, "kind"), str(ref, "name"), namespace(b)).isEmpty()) {
      problem(b, "roleRef " + str(ref, "kind") + " " + str(ref, "name") + " does not exist");
    }
    for (JsonElement subject : arr(b, "subjects")) {
      JsonObject sub = subject.getAsJsonObject();
      if (!"ServiceAccount".equals(str(sub, "kind"))) continue;
      String ns = str(sub, "namespace") != null ? str(sub, "namespace") : namespace(b);
      if (lookup("ServiceAccount", str(sub, "name"), ns).isEmpty()) {
        problem(b, "subject ServiceAccount " + ns + "/" + str(sub, "name") + " does not exist");
      }
    }
  }

  private void podDisruptionBudget(JsonObject pdb) {
    Map<String, String> selector = strings(obj(pdb.getAsJsonObject("spec"), "selector", "matchLabels"));
    if (podTemplatesSelectedBy(selector, namespace(pdb)).isEmpty()) {
      problem(pdb, "selector " + selector + " selects no pods of these manifests");
    }
  }

  private void autoscaler(JsonObject hpa) {
    JsonObject spec = hpa.getAsJsonObject("spec");
    JsonObject target = spec.getAsJsonObject("scaleTargetRef");
    if (!WORKLOADS.contains(str(target, "kind"))
        || lookup(str(target, "kind"), str(target, "name"), namespace(hpa)).isEmpty()) {
      problem(hpa, "scaleTargetRef " + str(target, "kind") + " " + str(target, "name") + " does not exist");
    }
    int min = spec.has("minReplicas") ? spec.get("minReplicas").getAsInt() : 1;
    if (min > spec.get("maxReplicas").getAsInt()) problem(hpa, "minReplicas " + min + " > maxReplicas");
  }

  private void keysExist(JsonObject w, String where, String kind, String name, List<String> keys, boolean optional) {
    Optional<JsonObject> target = lookup(kind, name, namespace(w)).or(() -> external.find(kind, name));
    if (target.isEmpty()) {
      if (!optional) problem(w, where + " needs " + kind + " " + name + ", which does not exist");
      return;
    }
    Set<String> present = new java.util.HashSet<>();
    for (String field : List.of("data", "stringData", "binaryData")) {
      JsonObject data = obj(target.get(), field);
      if (data != null) present.addAll(data.keySet());
    }
    for (String key : keys) {
      if (!present.contains(key) && !optional) problem(w, where + " needs key " + key + " of " + kind + " " + name);
    }
  }

  private List<JsonObject> podTemplatesSelectedBy(Map<String, String> selector, String namespace) {
    if (selector.isEmpty()) return List.of();
    List<JsonObject> pods = new ArrayList<>();
    for (JsonObject o : manifests.objects()) {
      if (!WORKLOADS.contains(Manifests.kind(o)) || !java.util.Objects.equals(namespace(o), namespace)) continue;
      JsonObject template = obj(o.getAsJsonObject("spec"), "template");
      if (matches(selector, strings(obj(template, "metadata", "labels")))) pods.add(template.getAsJsonObject("spec"));
    }
    return pods;
  }

  private Optional<JsonObject> lookup(String kind, String name, String namespace) {
    return manifests.objects().stream().filter(o -> Manifests.kind(o).equals(kind) && Manifests.name(o).equals(name)
        && java.util.Objects.equals(namespace(o), namespace)).findFirst();
  }

  private static boolean exposes(JsonObject container, JsonElement port) {
    if (port == null) return false;
    for (JsonElement p : arr(container, "ports")) {
      JsonObject cp = p.getAsJsonObject();
      if (port.getAsJsonPrimitive().isNumber() ? cp.get("containerPort").getAsInt() == port.getAsInt()
          : port.getAsString().equals(str(cp, "name"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
  }

  private static List<String> items(JsonObject source) {
    List<String> keys = new ArrayList<>();
    for (JsonElement i : arr(source, "items")) keys.add(str(i.getAsJsonObject(), "key"));
    return keys;
  }

  private static String namespace(JsonObject o) {
    return str(o.getAsJsonObject("metadata"), "namespace");
  }

  private static JsonObject obj(JsonObject o, String... path) {
    JsonObject at = o;
    for (String p : path) {
      if (at == null || !at.has(p) || !at.get(p).isJsonObject()) return null;
      at = at.getAsJsonObject(p);
    }
    return at;
  }

  private static JsonArray arr(JsonObject o, String field) {
    return o != null && o.has(field) && o.get(field).isJsonArray() ? o.getAsJsonArray(field) : new JsonArray();
  }

  private static String str(JsonObject o, String field) {
    return o != null && o.has(field) && o.get(field).isJsonPrimitive() ? o.get(field).getAsString() : null;
  }

  private static boolean bool(JsonObject o, String field) {
    return o != null && o.has(field) && o.get(field).getAsBoolean();
  }

  private static Map<String, String> strings(JsonObject o) {
    Map<String, String> map = new LinkedHashMap<>();
    if (o != null) o.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().getAsString()));
    return map;
  }
}
