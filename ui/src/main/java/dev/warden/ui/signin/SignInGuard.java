package dev.warden.ui.signin;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.springframework.stereotype.Component;

/**
 * Sends every navigation to a view not marked {@link AnonymousAllowed} to the sign-in view unless an operator is
 * signed in. Hooked into every UI at start-up, so a new view is protected without doing anything.
 */
@Component
public class SignInGuard implements VaadinServiceInitListener {

    private final CurrentOperator currentOperator;

    public SignInGuard(CurrentOperator currentOperator) {
        this.currentOperator = currentOperator;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget().isAnnotationPresent(AnonymousAllowed.class)) {
            return;
        }
        if (currentOperator.get().isEmpty()) {
            event.forwardTo(SignInView.class);
        }
    }
}
