package io.strikeswarm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The checks catch what breaks a deployment: each case breaks one thing in the dev render and expects its problem. */
class BrokenManifestsTest {
  private static Manifests dev;
  private static Manifests secretTemplate;

  @BeforeAll
  static void render() throws Exception {
    dev = ManifestsTest.render("dev").copy();
    secretTemplate = Manifests.read(ManifestsTest.SECRET_TEMPLATE);
  }

  @Test
  void aBrokenOverlayOnDiskIsRenderedByKustomizeAndCaught() throws Exception {
    Manifests broken = Manifests.render(Manifests.K8S.resolve("src/test/resources/broken-overlay"));

    assertThat(CrossReferences.problems(broken, secretTemplate))
        .containsExactly("PodDisruptionBudget strikeswarm: selector {app=strikeswam} selects no pods of these manifests");
  }

  static Stream<Arguments> breakages() {
    return Stream.of(
        broken("the Service's selector", "Service strikeswarm: selector {app=strikeswarn} selects no pods",
            m -> spec(m, "Service", "strikeswarm").getAsJsonObject("selector").addProperty("app", "strikeswarn")),
        broken("a Service port's target", "Service strikeswarm: port http targets \"htp\", which the selected pods do not expose",
            m -> spec(m, "Service", "strikeswarm").getAsJsonArray("ports").get(0).getAsJsonObject()
                .addProperty("targetPort", "htp")),
        broken("the Deployment's selector", "Deployment strikeswarm: selector {app=other} does not select its own pods",
            m -> spec(m, "Deployment", "strikeswarm").getAsJsonObject("selector").getAsJsonObject("matchLabels")
                .addProperty("app", "other")),
        broken("the service account", "Deployment strikeswarm: serviceAccountName swarm has no ServiceAccount",
            m -> Pods.spec(m.get("Deployment", "strikeswarm")).addProperty("serviceAccountName", "swarm")),
        broken("the RoleBinding's role", "RoleBinding strikeswarm-pod-reader: roleRef Role pod-reader does not exist",
            m -> m.get("RoleBinding", "strikeswarm-pod-reader").getAsJsonObject("roleRef").addProperty("name", "pod-reader")),
        broken("a probe's port", "container strikeswarm readinessProbe hits port 8559, which the container does not expose",
            m -> Pods.container(m.get("Deployment", "strikeswarm"), "strikeswarm").getAsJsonObject("readinessProbe")
                .getAsJsonObject("httpGet").add("port", new JsonPrimitive(8559))),
        broken("the HPA's target", "HorizontalPodAutoscaler strikeswarm: scaleTargetRef Deployment swarm does not exist",
            m -> spec(m, "HorizontalPodAutoscaler", "strikeswarm").getAsJsonObject("scaleTargetRef")
                .addProperty("name", "swarm")),
        broken("the ConfigMap's name", "volume config needs ConfigMap strikeswarm-conf, which does not exist",
            m -> Pods.spec(m.get("Deployment", "strikeswarm")).getAsJsonArray("volumes").get(0).getAsJsonObject()
                .getAsJsonObject("configMap").addProperty("name", "strikeswarm-conf")),
        broken("a mounted Secret key", "volume secrets needs key api-tokens of Secret strikeswarm-secrets",
            m -> Pods.spec(m.get("Deployment", "strikeswarm")).getAsJsonArray("volumes").get(1).getAsJsonObject()
                .getAsJsonObject("secret").getAsJsonArray("items").get(0).getAsJsonObject().addProperty("key", "api-tokens")),
        broken("the StatefulSet's service", "StatefulSet cassandra: serviceName cassandra-db is not a headless Service",
            m -> spec(m, "StatefulSet", "cassandra").addProperty("serviceName", "cassandra-db")),
        broken("an object's namespace", "ConfigMap strikeswarm-config: namespace strikeswarm-dev is not created",
            m -> m.get("ConfigMap", "strikeswarm-config").getAsJsonObject("metadata").addProperty("namespace", "strikeswarm-dev")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakages")
  void aBrokenReferenceIsNamed(String what, String expected, Consumer<Manifests> breakage) {
    Manifests manifests = dev.copy();
    assertThat(CrossReferences.problems(manifests, secretTemplate)).isEmpty();

    breakage.accept(manifests);

    assertThat(CrossReferences.problems(manifests, secretTemplate)).anySatisfy(p -> assertThat(p).contains(expected));
  }

  @Test
  void aFieldTheSchemaDoesNotKnowIsCaught() {
    Manifests manifests = dev.copy();
    spec(manifests, "Deployment", "strikeswarm").addProperty("replica", 3);

    assertThat(SchemaCheck.problems(manifests)).singleElement().asString()
        .startsWith("Deployment strikeswarm: The field `replica` in the JSON string is not defined");
  }

  @Test
  void aMisspelledFieldDeepInsideThePodTemplateIsCaught() {
    Manifests manifests = dev.copy();
    JsonObject container = Pods.container(manifests.get("Deployment", "strikeswarm"), "strikeswarm");
    container.add("readinessprobe", container.remove("readinessProbe"));

    assertThat(SchemaCheck.problems(manifests)).singleElement().asString()
        .startsWith("Deployment strikeswarm: The field `readinessprobe` in the JSON string is not defined in the "
            + "`V1Container` properties");
  }

  @Test
  void aMissingRequiredFieldIsCaught() {
    Manifests manifests = dev.copy();
    spec(manifests, "Service", "strikeswarm").getAsJsonArray("ports").get(0).getAsJsonObject().remove("port");

    assertThat(SchemaCheck.problems(manifests)).singleElement().asString()
        .startsWith("Service strikeswarm: The required field `port` is not found");
  }

  @Test
  void aKindTheChecksDoNotKnowIsAProblemRatherThanPassingUnchecked() throws Exception {
    Manifests ingress = Manifests.parse("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: x\n");

    assertThat(SchemaCheck.problems(ingress)).singleElement().asString()
        .startsWith("networking.k8s.io/v1/Ingress: not a kind these manifests are checked for");
  }

  private static Arguments broken(String what, String expected, Consumer<Manifests> breakage) {
    return Arguments.of(what, expected, breakage);
  }

  private static JsonObject spec(Manifests m, String kind, String name) {
    return m.get(kind, name).getAsJsonObject("spec");
  }

}
