package com.m4s.store.repairorder.credential;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The store's DMS credential: its state, and the manager's creation, rotation and revocation. */
@RestController
@RequestMapping("/api/stores/{store}/dms-credential")
@Allow(Permission.DMS_CREDENTIAL_MANAGE)
@Tag(name = "dms-credential", description = "The credential with which the store's DMS sends repair orders")
class DmsCredentialController {

    private final DmsCredentials credentials;

    DmsCredentialController(DmsCredentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping
    @Operation(summary = "The store's DMS credential (status NONE, ACTIVE or REVOKED), with the token URL and the"
            + " batch path a DMS uses; never its secret")
    DmsCredentials.DmsCredentialView get(@PathVariable String store) {
        return credentials.get();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Make the store's DMS credential; the answer holds its secret, shown this once",
            description = "409 dms-credential-exists while one is active; 503 identity-unavailable when Keycloak"
                    + " did not take it (nothing was recorded; repeat).")
    DmsCredentials.DmsCredentialIssued create(@PathVariable String store) {
        return credentials.create();
    }

    @PostMapping("/rotate")
    @Operation(summary = "A new secret, shown this once: the old secret, and every token issued with it, stop"
            + " working at once", description = "409 dms-credential-missing without an active credential.")
    DmsCredentials.DmsCredentialIssued rotate(@PathVariable String store) {
        return credentials.rotate();
    }

    @PostMapping("/revoke")
    @Operation(summary = "Revoke the credential: the client is deleted in Keycloak and its tokens are refused (401)",
            description = "409 dms-credential-missing without an active credential.")
    DmsCredentials.DmsCredentialView revoke(@PathVariable String store) {
        return credentials.revoke();
    }
}
