package com.m4s.platform.web;

import java.sql.SQLException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The SQLState and constraint name of a write PostgreSQL refused, found anywhere in an exception's cause chain.
 *
 * @param sqlState {@code 23505} unique, {@code 23503} foreign key, {@code 23514} check, ...
 * @param constraint the refusing constraint's name, when the server named one
 */
record DatabaseRefusal(String sqlState, @Nullable String constraint) {

    static final String UNIQUE = "23505";
    static final String FOREIGN_KEY = "23503";
    static final String CHECK = "23514";

    static Optional<DatabaseRefusal> of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PSQLException psql && psql.getSQLState() != null) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return Optional.of(new DatabaseRefusal(psql.getSQLState(), message == null ? null : message.getConstraint()));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException hibernate) {
                SQLException sql = hibernate.getSQLException();
                if (sql != null && sql.getSQLState() != null && !(sql instanceof PSQLException)) {
                    return Optional.of(new DatabaseRefusal(sql.getSQLState(), hibernate.getConstraintName()));
                }
            }
        }
        return Optional.empty();
    }
}
