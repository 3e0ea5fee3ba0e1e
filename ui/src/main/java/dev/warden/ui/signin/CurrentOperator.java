package dev.warden.ui.signin;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import dev.warden.ui.client.Operator;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operator signed in to the current Vaadin session, if any. An operator whose token has passed its expiry is
 * forgotten on the next look, and the sign-in view then says why. Call only while holding the session's lock (in
 * a request or inside {@code UI.access}).
 */
@Component
public class CurrentOperator {

    static final String SESSION_EXPIRED = "Your session has expired. Sign in again.";
    private static final Logger LOG = LoggerFactory.getLogger(CurrentOperator.class);
    private static final String NOTICE = CurrentOperator.class.getName() + ".notice";

    private final Clock clock;

    public CurrentOperator(Clock clock) {
        this.clock = clock;
    }

    /** The signed-in operator, or empty when nobody is signed in or their token has expired. */
    public Optional<Operator> get() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return Optional.empty();
        }
        Operator operator = session.getAttribute(Operator.class);
        if (operator != null && operator.hasExpiredAt(clock.instant())) {
            LOG.info("The session of operator {} has expired", operator.username());
            forget(session, SESSION_EXPIRED);
            return Optional.empty();
        }
        return Optional.ofNullable(operator);
    }

    /** Ends the operator's session by their own choice; the caller then shows the sign-in view. */
    public void signOut() {
        end("Operator {} signed out", null);
    }

    /**
     * The controller no longer accepts the operator's token: forget them, so that the sign-in view (which the
     * caller shows next) says why.
     */
    public void sessionRefused() {
        end("The controller refused the session of operator {}", SESSION_EXPIRED);
    }

    /**
     * Keeps the operator in the session and gives the HTTP session a new id, so that an id planted before sign-in
     * (session fixation) is worth nothing after it.
     */
    void signIn(Operator operator) {
        if (VaadinRequest.getCurrent() instanceof VaadinServletRequest request) {
            request.getHttpServletRequest().changeSessionId();
        }
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(NOTICE, null);
        session.setAttribute(Operator.class, operator);
    }

    /** A notice for the sign-in view (why the last session ended), shown once. */
    Optional<String> takeNotice() {
        VaadinSession session = VaadinSession.getCurrent();
        Object notice = session.getAttribute(NOTICE);
        session.setAttribute(NOTICE, null);
        return Optional.ofNullable((String) notice);
    }

    private static void end(String logMessage, String notice) {
        VaadinSession session = VaadinSession.getCurrent();
        Operator operator = session.getAttribute(Operator.class);
        if (operator != null) {
            LOG.info(logMessage, operator.username());
        }
        forget(session, notice);
    }

    private static void forget(VaadinSession session, String notice) {
        session.setAttribute(Operator.class, null);
        session.setAttribute(NOTICE, notice);
    }
}
