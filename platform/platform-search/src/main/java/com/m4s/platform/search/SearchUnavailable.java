package com.m4s.platform.search;

import com.m4s.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** 503: the search cluster did not answer; the data is safe in the database and the index catches up. */
public class SearchUnavailable extends ApiException {

    public SearchUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "search-unavailable");
        initCause(cause);
    }
}
