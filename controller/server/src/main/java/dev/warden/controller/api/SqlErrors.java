package dev.warden.controller.api;

import java.sql.SQLException;

/** Classifies database exceptions by SQLSTATE (same codes on H2 and PostgreSQL). */
public final class SqlErrors {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2 reports a missing parent row on insert with this state; PostgreSQL uses 23503 for both directions. */
    private static final String H2_REFERENCED_ROW_MISSING = "23506";

    private SqlErrors() {}

    public static boolean isUniqueViolation(Throwable e) {
        return hasState(e, UNIQUE_VIOLATION);
    }

    public static boolean isForeignKeyViolation(Throwable e) {
        return hasState(e, FOREIGN_KEY_VIOLATION) || hasState(e, H2_REFERENCED_ROW_MISSING);
    }

    private static boolean hasState(Throwable e, String state) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (state.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
