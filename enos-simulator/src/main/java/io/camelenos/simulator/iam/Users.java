package io.camelenos.simulator.iam;

import io.camelenos.simulator.SimContext;
import io.camelenos.simulator.data.DataSet;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people of the emulated organisation, shared by the IAM and Application Portal services (and the batch service,
 * whose calls name a userId). Every user belongs to the emulator's one org; the admin sees every asset, the operator
 * the tree of the first site plus the assets authorised to them later.
 */
public final class Users {

    /** Password of every seeded account. */
    public static final String PASSWORD = "sim-password";
    /** LDAP link the seeded LDAP account logs in through (IAM authType 1). */
    public static final String LDAP_LINK = "sim-ldap";
    /** Wrong passwords in a row before an account is locked for {@link #LOCK}. */
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK = Duration.ofMinutes(10);

    /** When every seeded account was created: the data set's commissioning day. */
    static final long CREATED = DataSet.EPOCH_MILLIS - 86_400_000L;

    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SimContext context;
    private final List<User> users;
    private final Map<String, Set<String>> granted = new ConcurrentHashMap<>();

    public Users(SimContext context) {
        this.context = context;
        this.users = List.of(
                new User("u16000000000001", "admin@sim.enos", "admin", "admin@sim.enos", 2, 0, false, null),
                new User("u16000000000002", "operator@sim.enos", "operator", "operator@sim.enos", 0, 0, false, null),
                new User("u16000000000003", "disabled@sim.enos", "disabled", "disabled@sim.enos", 0, 1, false, null),
                new User("u16000000000004", "expired@sim.enos", "expired", "expired@sim.enos", 0, 0, true, null),
                new User("u16000000000005", "ldap.user", "ldap.user", "ldap.user@ldap.sim.enos", 0, 0, false, LDAP_LINK));
    }

    /** A user of the org. {@code type}: 0 user, 1 OU owner, 2 OU admin; {@code state}: 0 enabled, 1 disabled. */
    public record User(String id, String account, String name, String email, int type, int state,
                       boolean passwordExpired, String ldapLink) {
        public boolean admin() {
            return type == 2 || type == 1;
        }
    }

    public List<User> all() {
        return users;
    }

    public Optional<User> byId(String id) {
        return users.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    public Optional<User> byAccount(String account) {
        return users.stream().filter(u -> u.account().equalsIgnoreCase(account) || u.name().equalsIgnoreCase(account))
                .findFirst();
    }

    public Optional<User> byEmail(String email) {
        return users.stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    public String orgName() {
        return "Sim Renewables";
    }

    /** Whether a user may see an asset: the admin every one, others the first site's tree and what was granted. */
    public boolean canAccess(User user, String assetId) {
        if (!context.dataSet().assets().exists(assetId)) {
            return false;
        }
        if (user.admin()) {
            return true;
        }
        int index = context.dataSet().indexOf(assetId);
        return (index >= 0 && DataSet.siteIndexOf(index) == 0)
                || granted.getOrDefault(user.id(), Set.of()).contains(assetId);
    }

    public void grant(User user, List<String> assetIds) {
        granted.computeIfAbsent(user.id(), k -> ConcurrentHashMap.newKeySet()).addAll(assetIds);
    }

    /** Assets granted to a user one by one (beyond their site), in no particular order. */
    public Set<String> grantedTo(User user) {
        return Set.copyOf(granted.getOrDefault(user.id(), Set.of()));
    }

    public Map<String, User> byIdMap() {
        return users.stream().collect(Collectors.toMap(User::id, Function.identity()));
    }

    /** A random session or token id with EnOS's prefix, e.g. {@code IAM_S_...}. */
    public static String token(String prefix, int length) {
        StringBuilder s = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            s.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    /** The bearer value of an Authorization header, with or without the "Bearer " prefix; null when absent. */
    public static String bearer(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value;
    }
}
