package com.m4s.platform.web;

import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

/**
 * Turns {@code page}, {@code size} and {@code sort=field,asc|desc} request parameters into a page request. Only the
 * listed API fields can be sorted on; a tie-breaker keeps pages stable.
 */
public final class Paging {

    private Paging() {
    }

    /**
     * @param sortable API sort key to entity property
     * @param tieBreaker a unique property appended to every sort
     */
    public static PageRequest of(int page, int size, String sort, Map<String, String> sortable, String tieBreaker) {
        Order parsed = Order.parse(sort, sortable);
        Sort.Order order = parsed.descending() ? Sort.Order.desc(parsed.property()) : Sort.Order.asc(parsed.property());
        return PageRequest.of(page, size, parsed.property().equals(tieBreaker) ? Sort.by(order)
                : Sort.by(order, Sort.Order.asc(tieBreaker)));
    }

    /** A {@code sort=field,asc|desc} parameter resolved through the allow-list of sortable fields. */
    record Order(String property, boolean descending) {

        static Order parse(String sort, Map<String, String> sortable) {
            String[] parts = sort.split(",", 2);
            String property = sortable.get(parts[0]);
            boolean descending = parts.length > 1 && parts[1].equalsIgnoreCase("desc");
            boolean ascending = parts.length == 1 || parts[1].equalsIgnoreCase("asc");
            if (property == null || !(ascending || descending)) {
                throw new InvalidSort(sort, sortable);
            }
            return new Order(property, descending);
        }
    }

    /** 400: the sort parameter names a field that cannot be sorted on. */
    static class InvalidSort extends ApiException {
        InvalidSort(String sort, Map<String, String> sortable) {
            super(HttpStatus.BAD_REQUEST, "invalid-sort", sort, String.join(", ", sortable.keySet().stream().sorted()
                    .toList()));
        }
    }
}
