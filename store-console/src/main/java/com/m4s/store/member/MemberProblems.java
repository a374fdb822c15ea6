package com.m4s.store.member;

import com.m4s.platform.web.ApiException;

/** The member feature's own problem types. */
final class MemberProblems {

    private MemberProblems() {
    }

    static ApiException forConstraint(String constraint) {
        return switch (constraint) {
            case "member_phone_uk" -> new ApiException.Conflict("phone-taken",
                    "Another member of this store already has this phone number.").field("profile.phone");
            case "vehicle_plate_uk" -> new ApiException.Conflict("plate-taken",
                    "A vehicle with this plate is already registered in this store.").field("plate");
            case "vehicle_vin_uk" -> new ApiException.Conflict("vin-taken",
                    "A vehicle with this VIN is already registered in this store.").field("vin");
            case "member_owner_subject_uk" -> new ApiException.Conflict("owner-already-bound",
                    "This owner account is bound to another member already.");
            default -> new ApiException.Conflict("conflict", "The change conflicts with existing data.");
        };
    }

    static ApiException.Unprocessable duplicateInRequest(String field) {
        return new ApiException.Unprocessable("duplicate-" + field,
                "The same " + field + " appears twice in the request.");
    }
}
