package io.strikeswarm.k8s;

import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Role;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Each object against the Kubernetes API schema, through Kubernetes' own Java models (generated from its OpenAPI
 * document): a field the schema does not define, a missing required field or a value of the wrong shape is a
 * problem. Only the API versions and kinds the swarm uses are known; anything else is a problem too.
 */
final class SchemaCheck {
  private interface Validator {
    void validate(com.google.gson.JsonElement json) throws IOException;
  }

  private static final Map<String, Validator> MODELS = Map.ofEntries(
      Map.entry("v1/Namespace", V1Namespace::validateJsonElement),
      Map.entry("v1/ServiceAccount", V1ServiceAccount::validateJsonElement),
      Map.entry("v1/ConfigMap", V1ConfigMap::validateJsonElement),
      Map.entry("v1/Secret", V1Secret::validateJsonElement),
      Map.entry("v1/Service", V1Service::validateJsonElement),
      Map.entry("apps/v1/Deployment", V1Deployment::validateJsonElement),
      Map.entry("apps/v1/StatefulSet", V1StatefulSet::validateJsonElement),
      Map.entry("rbac.authorization.k8s.io/v1/Role", V1Role::validateJsonElement),
      Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", V1RoleBinding::validateJsonElement),
      Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement),
      Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement));

  private SchemaCheck() {}

  static List<String> problems(Manifests manifests) {
    return manifests.objects().stream().map(SchemaCheck::problem).filter(p -> !p.isEmpty()).toList();
  }

  private static String problem(JsonObject o) {
    String type = (o.has("apiVersion") ? o.get("apiVersion").getAsString() : "?") + "/" + Manifests.kind(o);
    Validator model = MODELS.get(type);
    if (model == null) return type + ": not a kind these manifests are checked for (known: " + MODELS.keySet() + ")";
    try {
      model.validate(o);
      return "";
    } catch (IOException | RuntimeException e) {
      return Manifests.id(o) + ": " + e.getMessage();
    }
  }
}
