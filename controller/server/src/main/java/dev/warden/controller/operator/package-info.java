/**
 * Console operators: accounts with PBKDF2 password hashes and roles, sign-in ({@code POST /api/v1/auth/login}
 * issuing a signed JWT bearer token, throttled by {@link dev.warden.controller.operator.SignInThrottle}), the check
 * on every request that a token's operator still exists unchanged ({@link dev.warden.controller.operator.OperatorSessions}),
 * operator management ({@code /api/v1/operators}, ADMIN), the JWT signing key
 * and the bootstrap of the first administrator.
 */
package dev.warden.controller.operator;
