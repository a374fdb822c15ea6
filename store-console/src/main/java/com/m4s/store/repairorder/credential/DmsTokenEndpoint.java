package com.m4s.store.repairorder.credential;

/**
 * Where a DMS asks Keycloak for its tokens: the realm's token endpoint as the outside world reaches it, i.e. below
 * the issuer of the tokens the services accept ({@code <issuer>/protocol/openid-connect/token}).
 */
record DmsTokenEndpoint(String url) {

    static DmsTokenEndpoint below(String issuer) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return new DmsTokenEndpoint(base + "/protocol/openid-connect/token");
    }
}
