package com.m4s.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/** An authenticated request: the token and the {@link Caller} read from it; authorities are {@code ROLE_<ROLE>}. */
public class CallerAuthentication extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    private final Caller caller;

    public CallerAuthentication(Jwt jwt, Caller caller) {
        super(jwt, caller, jwt, caller.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.caller = caller;
        setAuthenticated(true);
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public java.util.Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return caller.username();
    }

}
