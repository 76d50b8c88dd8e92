package io.camelenos.app.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests quarkus-kubernetes generated at package ({@code target/kubernetes/kubernetes.yml}): what
 * the README's "On Kubernetes" promises is in them, and no secret is.
 */
class KubernetesManifestIT {

    private static final String NAME = "camel-enos";
    private static List<HasMetadata> objects;

    @BeforeAll
    static void readTheGeneratedManifest() throws Exception {
        Path manifest = Path.of("target", "kubernetes", "kubernetes.yml");
        assertTrue(Files.isRegularFile(manifest), manifest + " is generated at package");
        KubernetesSerialization yaml = new KubernetesSerialization();
        // one YAML document per object
        objects = Arrays.stream(Files.readString(manifest).split("(?m)^---\\s*$")).filter(d -> !d.isBlank())
                .map(document -> (HasMetadata) yaml.unmarshal(document)).toList();
    }

    @Test
    void aDeploymentOfThreeReplicasInClusterModeWithKubernetesLeases() {
        Deployment deployment = one(Deployment.class);
        assertEquals(3, deployment.getSpec().getReplicas());
        assertEquals(NAME, deployment.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/name"));
        Map<String, EnvVar> env = env(container(deployment));
        assertEquals("true", env.get("CAMEL_ENOS_CLUSTER_ENABLED").getValue());
        assertEquals("kubernetes", env.get("CAMEL_ENOS_CLUSTER_KIND").getValue());
        // the pods the Lease service counts as replicas are this Deployment's, each named after itself
        assertEquals("app.kubernetes.io/name=" + NAME, env.get("CAMEL_ENOS_CLUSTER_KUBERNETES_POD_SELECTOR").getValue());
        assertEquals("metadata.name",
                env.get("CAMEL_ENOS_CLUSTER_INSTANCE_ID").getValueFrom().getFieldRef().getFieldPath());
    }

    @Test
    void probesOnTheHealthEndpoints() {
        Container container = container(one(Deployment.class));
        assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
        assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
    }

    @Test
    void aServiceInFrontOfTheHttpPort() {
        Service service = one(Service.class);
        assertEquals(NAME, service.getMetadata().getName());
        assertEquals(NAME, service.getSpec().getSelector().get("app.kubernetes.io/name"));
        assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getTargetPort().getIntVal() == 8080),
                () -> "ports " + service.getSpec().getPorts());
    }

    @Test
    void theServiceAccountMayReadAndWriteLeasesAndReadPods() {
        Deployment deployment = one(Deployment.class);
        ServiceAccount account = one(ServiceAccount.class);
        assertEquals(account.getMetadata().getName(),
                deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
        Role role = one(Role.class);
        assertRule(role, "coordination.k8s.io", "leases", Set.of("get", "list", "watch", "create", "update", "patch"));
        assertRule(role, "", "pods", Set.of("get", "list"));
        RoleBinding binding = one(RoleBinding.class);
        assertEquals("Role", binding.getRoleRef().getKind());
        assertEquals(role.getMetadata().getName(), binding.getRoleRef().getName());
        assertTrue(binding.getSubjects().stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                                                                && account.getMetadata().getName().equals(s.getName())),
                () -> "subjects " + binding.getSubjects());
    }

    @Test
    void credentialsComeFromTheSecretAndNoneIsInTheManifest() {
        Map<String, EnvVar> env = env(container(one(Deployment.class)));
        for (String name : List.of("CAMEL_COMPONENT_ENOS_GATEWAY_URL", "CAMEL_COMPONENT_ENOS_ORG_ID",
                "CAMEL_COMPONENT_ENOS_APP_KEY", "CAMEL_COMPONENT_ENOS_APP_SECRET", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "CAMEL_ENOS_API_WRITER_USERNAME",
                "CAMEL_ENOS_API_WRITER_PASSWORD", "CAMEL_ENOS_API_READER_USERNAME", "CAMEL_ENOS_API_READER_PASSWORD")) {
            EnvVar var = env.get(name);
            assertNotNull(var, name);
            assertNull(var.getValue(), name + " has a literal value");
            assertEquals(NAME, var.getValueFrom().getSecretKeyRef().getName(), name);
        }
        for (EnvVar var : env.values()) {
            if (var.getName().matches(".*(SECRET|PASSWORD|APP_KEY|USERNAME|JDBC_URL).*")) {
                assertNull(var.getValue(), var.getName() + " has a literal value");
            }
        }
        assertTrue(objects.stream().noneMatch(Secret.class::isInstance), "the manifest brings no Secret of its own");
    }

    @Test
    void nothingElseThatNeedsMoreRightsOrAnOperator() {
        Set<String> kinds = objects.stream().map(HasMetadata::getKind).collect(Collectors.toSet());
        assertEquals(Set.of("ServiceAccount", "Role", "RoleBinding", "Service", "Deployment"), kinds);
    }

    private static void assertRule(Role role, String apiGroup, String resource, Set<String> verbs) {
        List<PolicyRule> rules = role.getRules().stream()
                .filter(r -> r.getApiGroups().contains(apiGroup) && r.getResources().contains(resource)).toList();
        assertEquals(1, rules.size(), () -> apiGroup + "/" + resource + " in " + role.getRules());
        assertEquals(verbs, Set.copyOf(rules.get(0).getVerbs()), apiGroup + "/" + resource);
    }

    private static Container container(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    private static <T extends HasMetadata> T one(Class<T> kind) {
        List<T> found = objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertEquals(1, found.size(), () -> kind.getSimpleName() + "s in the manifest: " + found);
        return found.get(0);
    }
}
