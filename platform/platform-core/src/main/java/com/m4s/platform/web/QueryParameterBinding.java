package com.m4s.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Query parameters bound together into one object (a {@code @ParameterObject} record such as {@code AuditQuery}) come
 * from the query string only, as they would one {@code @RequestParam} at a time. Spring would also fill such an object
 * from request headers of the same name (a {@code Size} header setting {@code size}), which no endpoint means and
 * the API document does not show.
 *
 * <p>Set on the handler adapter's binding initializer, which every data binder passes through, rather than as a
 * global {@code @InitBinder} method: Spring builds a handler method for each such advice method and looks up its
 * annotations afresh on every request (about a twentieth of a list request's CPU).
 */
public final class QueryParameterBinding implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof RequestMappingHandlerAdapter adapter) {
            install(adapter);
        }
        return bean;
    }

    /** Makes every binder of {@code adapter} read the query string (and form fields) only, never headers. */
    public static void install(RequestMappingHandlerAdapter adapter) {
        @Nullable WebBindingInitializer before = adapter.getWebBindingInitializer();
        adapter.setWebBindingInitializer(binder -> {
            if (before != null) {
                before.initBinder(binder);
            }
            if (binder instanceof ExtendedServletRequestDataBinder request) {
                request.setHeaderPredicate(header -> false);
            }
        });
    }
}
