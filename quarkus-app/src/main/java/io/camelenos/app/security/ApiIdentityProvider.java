package io.camelenos.app.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Checks HTTP Basic credentials against the {@link ApiUsers}. (Quarkus' embedded properties realm keeps users as map
 * keys, which environment variables cannot name reliably; the app's users are two fixed settings instead.)
 */
@ApplicationScoped
public class ApiIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    @Inject
    ApiUsers users;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        return users.authenticate(request.getUsername(), request.getPassword().getPassword())
                .map(user -> Uni.createFrom().<SecurityIdentity>item(QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(user.name()))
                        .addRoles(user.roles())
                        .build()))
                // no detail: which of the name or the password is wrong is not the caller's business
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("wrong user or password")));
    }
}
