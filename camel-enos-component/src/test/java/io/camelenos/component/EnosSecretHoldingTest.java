package io.camelenos.component;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.camelenos.component.client.TokenManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After the component fetched an app token and logged in as a user, the app secret and the user's password are held
 * once each by the client (besides the options they were configured in), and never in a cache key or a toString. The
 * emulator's app secret and the seeded user's password are the canaries looked for.
 */
class EnosSecretHoldingTest extends EnosUserTestSupport {

    @Test
    void theAppSecretIsHeldOnceAndIsNoCacheKey() {
        call("iam/getOrg");
        call("asset/getAsset?assetId=" + sim.dataSet().assetId(3));
        EnosComponent enos = context.getComponent("enos", EnosComponent.class);

        Holders holders = Holders.of(sim.appSecret(), enos, context.getEndpoints());

        assertEquals(Set.of("EnosConfiguration.appSecret", "AppCredentials.appSecret"), Set.copyOf(holders.paths),
                "who holds the app secret");
        assertEquals(1, Collections.frequency(holders.paths, "AppCredentials.appSecret"),
                "the client holds the secret once: " + holders.paths);
        assertTrue(holders.keys.isEmpty(), "cache keys holding the app secret: " + holders.keys);
    }

    @Test
    void theUserPasswordIsNoCacheKey() {
        call("iam/getOrg");
        EnosComponent enos = context.getComponent("enos", EnosComponent.class);

        Holders holders = Holders.of(PASSWORD, enos, context.getEndpoints());

        assertEquals(Set.of("EnosConfiguration.userPassword", "UserAuthenticator.password"),
                Set.copyOf(holders.paths), "who holds the password");
        assertTrue(holders.keys.isEmpty(), "cache keys holding the password: " + holders.keys);
    }

    @Test
    void noToStringOfTheComponentsStateShowsTheSecret() {
        call("asset/getAsset?assetId=" + sim.dataSet().assetId(3));
        EnosComponent enos = context.getComponent("enos", EnosComponent.class);

        List<TokenManager> tokens = enos.getTokenManagers();

        assertEquals(1, tokens.size());
        for (Object shown : new Object[] {enos.getConfiguration(), tokens.get(0), enos.getRateLimiters()}) {
            assertFalse(String.valueOf(shown).contains(sim.appSecret()), shown.getClass() + " shows the secret");
        }
    }

    /**
     * Where a canary string is reachable from an object: through the fields of the project's own classes and the
     * entries of maps and collections (the JDK's internals are not entered). The paths name the class that holds it.
     */
    private static final class Holders {
        final List<String> paths = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        private final String canary;
        private final Map<Object, Boolean> seen = new IdentityHashMap<>();

        private Holders(String canary) {
            this.canary = canary;
        }

        static Holders of(String canary, Object... roots) {
            Holders holders = new Holders(canary);
            for (Object root : roots) {
                holders.walk(root, root.getClass().getSimpleName(), false);
            }
            return holders;
        }

        private void walk(Object value, String path, boolean inKey) {
            if (value instanceof String text) {
                // every holder counts, even of the same String instance
                if (text.contains(canary)) {
                    (inKey ? keys : paths).add(path);
                }
                return;
            }
            if (value == null || value instanceof Class || seen.put(value, Boolean.TRUE) != null) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> {
                    walk(k, path, true);
                    walk(v, path, inKey);
                });
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> walk(item, path, inKey));
            } else if (value.getClass().getName().startsWith("io.camelenos.")) {
                fields(value, inKey);
            }
        }

        private void fields(Object value, boolean inKey) {
            for (Class<?> type = value.getClass(); type != null && type.getName().startsWith("io.camelenos.");
                 type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    field.setAccessible(true);
                    try {
                        walk(field.get(value), value.getClass().getSimpleName() + "." + field.getName(), inKey);
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
    }
}
