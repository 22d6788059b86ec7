package io.strikeswarm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.swarm.cluster.NodeProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay as kustomize renders it: valid against the Kubernetes schema, consistent, and wired as the node needs. */
class ManifestsTest {
  static final Path SECRET_TEMPLATE = Manifests.K8S.resolve("secret.template.yaml");

  @TempDir Path tmp;

  private static final Map<String, Manifests> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

  /** An overlay as kustomize renders it (once per test run; callers that break it work on a copy). */
  static Manifests render(String overlay) {
    return RENDERED.computeIfAbsent(overlay, o -> Manifests.render(Manifests.K8S.resolve("overlays").resolve(o)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void everyObjectFitsTheKubernetesSchemaAndEveryReferenceLeadsSomewhere(String overlay) throws Exception {
    Manifests manifests = render(overlay);

    assertThat(manifests.objects()).hasSizeGreaterThanOrEqualTo(11);
    assertThat(SchemaCheck.problems(manifests)).isEmpty();
    assertThat(SchemaCheck.problems(Manifests.read(SECRET_TEMPLATE))).isEmpty();
    assertThat(CrossReferences.problems(manifests, Manifests.read(SECRET_TEMPLATE))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void threeNodesProbedOnManagementsHealthChecksUnderAMemoryLimitTheHeapFollows(String overlay) {
    Manifests manifests = render(overlay);
    JsonObject deployment = manifests.get("Deployment", "strikeswarm");
    JsonObject container = Pods.container(deployment, "strikeswarm");

    assertThat(deployment.getAsJsonObject("spec").get("replicas").getAsInt()).isEqualTo(3);
    assertThat(Pods.ports(container)).containsExactlyInAnyOrderEntriesOf(
        Map.of("http", 8080, "management", 8558, "remoting", 25520, "metrics", 9095));
    assertThat(Pods.httpProbe(container, "readinessProbe")).isEqualTo("management /ready");
    assertThat(Pods.httpProbe(container, "livenessProbe")).isEqualTo("management /alive");
    JsonObject resources = container.getAsJsonObject("resources");
    assertThat(resources.getAsJsonObject("limits").get("memory").getAsString())
        .isEqualTo(resources.getAsJsonObject("requests").get("memory").getAsString());
    assertThat(Pods.env(container)).containsEntry("SWARM_HOST", "fieldRef:status.podIP")
        .containsEntry("SWARM_MANAGEMENT_HOST", "fieldRef:status.podIP");
    assertThat(Pods.env(container).get("JAVA_TOOL_OPTIONS")).contains("-XX:MaxRAMPercentage=");
    JsonObject security = deployment.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("spec")
        .getAsJsonObject("securityContext");
    assertThat(security.get("runAsNonRoot").getAsBoolean()).isTrue();
    assertThat(container.getAsJsonObject("securityContext").get("readOnlyRootFilesystem").getAsBoolean()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void theNodeConfigurationIsTheClusterProfileOnTheKubernetesApiWithThePortsThePodExposes(String overlay)
      throws Exception {
    Manifests manifests = render(overlay);
    JsonObject container = Pods.container(manifests.get("Deployment", "strikeswarm"), "strikeswarm");
    Config node = nodeConfig(manifests);
    Map<String, Integer> ports = Pods.ports(container);

    assertThat(node.getString(NodeProfile.SETTING)).isEqualTo("cluster");
    assertThat(node.getString("pekko.management.cluster.bootstrap.contact-point-discovery.discovery-method"))
        .isEqualTo("kubernetes-api");
    assertThat(node.getInt("pekko.management.cluster.bootstrap.contact-point-discovery.required-contact-point-nr"))
        .isEqualTo(3);
    assertThat(node.getInt("swarm.http.port")).isEqualTo(ports.get("http"));
    assertThat(node.getInt("swarm.management.port")).isEqualTo(ports.get("management"));
    assertThat(node.getInt("swarm.metrics.port")).isEqualTo(ports.get("metrics"));
    // Bootstrap finds the pods by label app=<service name> and the port by its name.
    Config profile = NodeProfile.CLUSTER.layer().resolve();
    assertThat(profile.getInt("pekko.remote.artery.canonical.port")).isEqualTo(ports.get("remoting"));
    assertThat(profile.getString("pekko.management.cluster.bootstrap.contact-point-discovery.port-name"))
        .isIn(ports.keySet());
    assertThat(Pods.templateLabels(manifests.get("Deployment", "strikeswarm"))).containsEntry("app",
        profile.getString("pekko.management.cluster.bootstrap.contact-point-discovery.service-name"));
    assertThat(node.getString("swarm.persistence.profile")).isEqualTo("cassandra");
    assertThat(node.getList("swarm.http.auth.tokens")).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void bootstrapMayReadPodsThroughTheAccountThePodsRunAs(String overlay) {
    Manifests manifests = render(overlay);
    String account = Pods.spec(manifests.get("Deployment", "strikeswarm")).get("serviceAccountName").getAsString();
    JsonObject binding = manifests.ofKind("RoleBinding").stream()
        .filter(b -> StreamSupport.stream(b.getAsJsonArray("subjects").spliterator(), false)
            .anyMatch(s -> s.getAsJsonObject().get("name").getAsString().equals(account)))
        .findFirst().orElseThrow();
    JsonObject role = manifests.get("Role", binding.getAsJsonObject("roleRef").get("name").getAsString());
    JsonObject rule = role.getAsJsonArray("rules").get(0).getAsJsonObject();

    assertThat(strings(rule.get("resources"))).containsExactly("pods");
    assertThat(strings(rule.get("verbs"))).containsExactlyInAnyOrder("get", "watch", "list");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"dev", "prod"})
  void servicesDisruptionBudgetAutoscalerAndScrapeTargetTheSwarmsPods(String overlay) throws Exception {
    Manifests manifests = render(overlay);
    JsonObject headless = manifests.get("Service", "strikeswarm-management").getAsJsonObject("spec");
    assertThat(headless.get("clusterIP").getAsString()).isEqualTo("None");
    assertThat(headless.get("publishNotReadyAddresses").getAsBoolean()).isTrue();
    assertThat(manifests.get("PodDisruptionBudget", "strikeswarm").getAsJsonObject("spec").get("maxUnavailable")
        .getAsInt()).isEqualTo(1);
    JsonObject hpa = manifests.get("HorizontalPodAutoscaler", "strikeswarm").getAsJsonObject("spec");
    assertThat(hpa.get("minReplicas").getAsInt()).isEqualTo(3);
    assertThat(hpa.get("maxReplicas").getAsInt()).isGreaterThan(3);

    JsonObject deployment = manifests.get("Deployment", "strikeswarm");
    int metrics = Pods.ports(Pods.container(deployment, "strikeswarm")).get("metrics");
    assertThat(deployment.getAsJsonObject("spec").getAsJsonObject("template").getAsJsonObject("metadata")
        .getAsJsonObject("annotations").get("prometheus.io/port").getAsString()).isEqualTo(Integer.toString(metrics));
    String scrape = manifests.get("ConfigMap", "strikeswarm-prometheus").getAsJsonObject("data")
        .get("scrape-config.yaml").getAsString();
    assertThat(scrape).contains("regex: metrics").contains("regex: strikeswarm");
  }

  @Test
  void devRunsItsOwnCassandraWhichTheJournalPointsAtAndProdRunsNone() throws Exception {
    Manifests dev = render("dev");
    JsonObject cassandra = dev.get("StatefulSet", "cassandra");
    String service = cassandra.getAsJsonObject("spec").get("serviceName").getAsString();
    int cql = Pods.ports(Pods.container(cassandra, "cassandra")).get("cql");
    String host = Manifests.name(cassandra) + "-0." + service + "."
        + cassandra.getAsJsonObject("metadata").get("namespace").getAsString() + ".svc.cluster.local:" + cql;

    assertThat(nodeConfig(dev).getStringList("datastax-java-driver.basic.contact-points")).containsExactly(host);
    assertThat(render("prod").ofKind("StatefulSet")).isEmpty();
  }

  @Test
  void noSecretIsRenderedAndTheTemplateHoldsPlaceholdersOnly() throws Exception {
    assertThat(render("dev").ofKind("Secret")).isEmpty();
    assertThat(render("prod").ofKind("Secret")).isEmpty();
    JsonObject template = Manifests.read(SECRET_TEMPLATE).get("Secret", "strikeswarm-secrets");
    for (Map.Entry<String, JsonElement> e : template.getAsJsonObject("stringData").entrySet()) {
      String value = e.getValue().getAsString();
      if (e.getKey().endsWith(".conf")) {
        java.util.regex.Matcher assigned = java.util.regex.Pattern.compile("=\\s*\"([^\"]*)\"").matcher(value);
        List<String> values = new java.util.ArrayList<>();
        while (assigned.find()) values.add(assigned.group(1));
        assertThat(values).as(e.getKey()).isNotEmpty().allMatch(v -> v.equals("REPLACE_ME") || v.equals("admin"));
      } else {
        assertThat(value).as(e.getKey()).isEqualTo("REPLACE_ME");
      }
    }
  }

  /** node.conf with its includes (the ConfigMap's journal.conf, the Secret template's api-tokens.conf) as mounted. */
  private Config nodeConfig(Manifests manifests) throws Exception {
    JsonObject data = manifests.get("ConfigMap", "strikeswarm-config").getAsJsonObject("data");
    JsonObject secret = Manifests.read(SECRET_TEMPLATE).get("Secret", "strikeswarm-secrets")
        .getAsJsonObject("stringData");
    Map<String, String> mounts = new HashMap<>();
    JsonObject deployment = manifests.get("Deployment", "strikeswarm");
    for (JsonElement m : Pods.container(deployment, "strikeswarm").getAsJsonArray("volumeMounts")) {
      mounts.put(m.getAsJsonObject().get("name").getAsString(), m.getAsJsonObject().get("mountPath").getAsString());
    }
    Path config = Files.createDirectories(tmp.resolve("config"));
    Path secrets = Files.createDirectories(tmp.resolve("secrets"));
    for (String key : data.keySet()) {
      String text = data.get(key).getAsString().replace(mounts.get("config"), config.toString())
          .replace(mounts.get("secrets"), secrets.toString());
      Files.writeString(config.resolve(key), text);
    }
    Files.writeString(secrets.resolve("api-tokens.conf"), secret.get("api-tokens.conf").getAsString());
    List<String> args = strings(Pods.container(deployment, "strikeswarm").get("args"));
    String nodeConf = args.get(args.indexOf("--config") + 1);
    assertThat(nodeConf).startsWith(mounts.get("config") + "/");
    return ConfigFactory.parseFile(config.resolve(Path.of(nodeConf).getFileName()).toFile()).resolve();
  }

  static List<String> strings(JsonElement array) {
    return StreamSupport.stream(array.getAsJsonArray().spliterator(), false).map(JsonElement::getAsString).toList();
  }
}
