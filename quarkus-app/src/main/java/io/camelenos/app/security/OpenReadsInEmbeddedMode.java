package io.camelenos.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * In the embedded (demo) mode an anonymous caller may read the data API (role reader): the data are the emulator's,
 * and the app listens on loopback only. With a configured gateway the data are the tenant's, and reads need a user.
 */
@ApplicationScoped
public class OpenReadsInEmbeddedMode implements SecurityIdentityAugmentor {

    @Inject
    ApiUsers users;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() || !users.openReads()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER).build());
    }
}
