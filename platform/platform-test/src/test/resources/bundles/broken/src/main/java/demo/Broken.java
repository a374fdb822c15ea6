package demo;

class Broken {

    record Request(@Pattern(regexp = "[a-z]+", message = "must be lower-case letters") String code,
            @Size(max = 3, message = "{validation.none}") String name) {
    }

    void fail(String id) {
        throw new ApiException.Conflict("undescribed", id);
    }

    void unknown() {
        throw new ApiException.Conflict(UNKNOWN_TYPE);
    }

    void missingThing(String id) {
        throw new ApiException.NotFound("gizmo", id);
    }

    void missingVariant() {
        throw new ApiException.Unprocessable("fine", "x").variant("missing");
    }

    void passedOn(String type) {
        // a type in a parameter is checked where the caller names it
        throw new ApiException.BadRequest(type);
    }

    void good(String code) {
        /* new ApiException.Conflict("in-a-comment") is not code */
        throw new ApiException.Conflict("fine", code);
    }
}
