/**
 * Who is at the console: the sign-in view, the operator kept in the Vaadin session
 * ({@link dev.warden.ui.signin.CurrentOperator}), and the guard that sends anyone not signed in to the sign-in
 * view ({@link dev.warden.ui.signin.SignInGuard}): every view needs a signed-in operator unless it is marked
 * {@link com.vaadin.flow.server.auth.AnonymousAllowed}.
 *
 * <p>The password goes to the controller and nowhere else; the token lives only in the Vaadin session and is
 * never logged.
 */
package dev.warden.ui.signin;
