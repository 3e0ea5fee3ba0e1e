package dev.warden.ui.signin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.warden.ui.client.ControllerClient;
import dev.warden.ui.client.Operator;
import dev.warden.ui.client.SignInResult;
import dev.warden.ui.live.LiveView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Username and password, checked by the controller; on success the operator lands on the live view. */
@Route("sign-in")
@PageTitle("Sign in · Warden")
@AnonymousAllowed
public class SignInView extends VerticalLayout implements BeforeEnterObserver {

    static final String MISSING_INPUT = "Enter your username and password.";
    static final String REFUSED = "Wrong username or password.";
    private static final Logger LOG = LoggerFactory.getLogger(SignInView.class);
    private static final int MAX_INPUT = 128;

    private final ControllerClient controller;
    private final CurrentOperator currentOperator;
    private final TextField username = new TextField("Username");
    private final PasswordField password = new PasswordField("Password");
    private final Button signIn = new Button("Sign in");
    private final Span message = new Span();

    public SignInView(ControllerClient controller, CurrentOperator currentOperator) {
        this.controller = controller;
        this.currentOperator = currentOperator;

        username.setAutofocus(true);
        username.setMaxLength(MAX_INPUT);
        username.setWidthFull();
        password.setMaxLength(MAX_INPUT);
        password.setWidthFull();
        signIn.addThemeVariants(ButtonVariant.PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.addClickListener(click -> attempt());
        signIn.setWidthFull();
        message.getElement().setAttribute("role", "alert");
        message.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        message.setVisible(false);

        H1 title = new H1("Warden");
        title.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.Margin.NONE);
        Paragraph subtitle = new Paragraph("Guard console. Sign in with your operator account.");
        subtitle.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);

        VerticalLayout form = new VerticalLayout(title, subtitle, username, password, signIn, message);
        form.setPadding(false);
        form.setWidth("22rem");
        add(form);
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentOperator.get().isPresent()) {
            event.forwardTo(LiveView.class);
            return;
        }
        currentOperator.takeNotice().ifPresent(this::show);
    }

    private void attempt() {
        String name = username.getValue().strip();
        String secret = password.getValue();
        password.clear();
        if (name.isEmpty() || secret.isEmpty()) {
            show(MISSING_INPUT);
            return;
        }
        switch (controller.signIn(name, secret)) {
            case SignInResult.Accepted accepted -> {
                Operator operator = accepted.operator();
                LOG.info("Operator {} signed in with roles {}", operator.username(), operator.roles());
                currentOperator.signIn(operator);
                getUI().ifPresent(ui -> ui.navigate(LiveView.class));
            }
            case SignInResult.Refused refused -> {
                // no username in the log: people type their password into the wrong field
                LOG.info("The controller refused a sign-in");
                show(REFUSED);
                password.focus();
            }
            case SignInResult.Unavailable unavailable -> {
                LOG.warn("Sign-in failed: {}", unavailable.reason());
                show("The controller cannot be reached, so nobody can sign in right now ("
                        + unavailable.reason() + "). Try again in a moment.");
            }
        }
    }

    private void show(String text) {
        message.setText(text);
        message.setVisible(true);
    }
}
