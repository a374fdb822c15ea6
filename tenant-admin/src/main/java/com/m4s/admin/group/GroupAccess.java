package com.m4s.admin.group;

import com.m4s.platform.security.Caller;
import com.m4s.platform.security.Role;
import com.m4s.platform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** Which dealer groups a caller may see and act on: operators all, group executives their own. */
public final class GroupAccess {

    private GroupAccess() {
    }

    public static boolean mayActOn(Caller caller, String groupCode) {
        return caller.has(Role.PLATFORM_OPERATOR)
                || (caller.has(Role.GROUP_EXECUTIVE) && groupCode.equals(caller.group()));
    }

    /** Fails with 403 unless the current caller may act on the group. */
    public static void require(String groupCode) {
        Caller caller = Caller.current().orElseThrow(() -> new Denied(groupCode));
        if (!mayActOn(caller, groupCode)) {
            throw new Denied(groupCode);
        }
    }

    /** The only group an executive may list, or null for operators (all groups). */
    public static @Nullable String scope() {
        Caller caller = Caller.current().orElseThrow(() -> new Denied("*"));
        if (caller.has(Role.PLATFORM_OPERATOR)) {
            return null;
        }
        if (caller.group() == null) {
            throw new Denied("*");
        }
        return caller.group();
    }

    /** 403: the dealer group is not the caller's. */
    static class Denied extends ApiException {
        Denied(String groupCode) {
            super(HttpStatus.FORBIDDEN, "group-access-denied", groupCode);
        }
    }
}
