package com.m4s.store.access;

import com.m4s.platform.security.Allow;
import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's permissions in a store, from the same {@link Permission} table the endpoints enforce: the web UI shows
 * a menu entry or a button only when the permission it needs is in this list. The tenant filter has already let the
 * caller into the store, so the answer is their roles' permissions of the store scope.
 */
@RestController
class MyPermissionsController {

    /** The caller's permissions in {@code store}, in the order {@link Permission} declares them. */
    record MyPermissions(String store, List<Permission> permissions) {
    }

    @Allow(Permission.STORE_ENTER)
    @GetMapping("/api/stores/{store}/me/permissions")
    @Operation(summary = "The signed-in user's permissions in this store (store scope), for the UI's menus and buttons")
    MyPermissions mine(@PathVariable String store) {
        return new MyPermissions(store, Permission.grantedTo(Caller.current().orElseThrow(), Permission.Scope.STORE));
    }
}
