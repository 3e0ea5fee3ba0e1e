package dev.warden.controller.operator;

import java.util.List;

/** The operator roles, as they appear in tokens and in {@code @Secured}. */
public final class Roles {
    public static final String ADMIN = "ADMIN";
    public static final String SUPERVISOR = "SUPERVISOR";
    public static final String GUARD = "GUARD";
    public static final String FACILITY_MANAGER = "FACILITY_MANAGER";
    public static final String HR = "HR";
    public static final String AUDITOR = "AUDITOR";

    public static final List<String> ALL = List.of(ADMIN, SUPERVISOR, GUARD, FACILITY_MANAGER, HR, AUDITOR);

    private Roles() {}
}
