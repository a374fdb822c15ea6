package com.m4s.platform.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Query parameters bound together into one object (a {@code @ParameterObject} record such as {@code AuditQuery}) come
 * from the query string only, as they would one {@code @RequestParam} at a time. Spring would also fill such an object
 * from request headers of the same name (a {@code Size} header setting {@code size}), which no endpoint means and
 * the API document does not show.
 */
@ControllerAdvice
public class QueryParameterBinding {

    @InitBinder
    void queryStringOnly(WebDataBinder binder) {
        if (binder instanceof ExtendedServletRequestDataBinder request) {
            request.setHeaderPredicate(header -> false);
        }
    }
}
