package dev.warden.ui.signin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.server.VaadinSession;
import dev.warden.ui.door.DoorsView;
import dev.warden.ui.live.LiveView;
import dev.warden.ui.testing.ConsoleUi;
import dev.warden.ui.testing.FakeController;
import dev.warden.ui.testing.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignInViewTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:15:30Z"));
    private final FakeController controller = new FakeController(clock)
            .withOperator("alice", "correct horse", "GUARD", "SUPERVISOR");

    @BeforeEach
    void start() {
        ConsoleUi.start(controller, clock);
    }

    @AfterEach
    void stop() {
        ConsoleUi.stop();
    }

    @Test
    void signingInWithTheRightPasswordOpensTheLiveViewAndShowsWhoIsSignedIn() {
        String sessionIdBefore = VaadinSession.getCurrent().getSession().getId();

        ConsoleUi.signIn("alice", "correct horse");

        assertThat(ConsoleUi.currentView()).isEqualTo(LiveView.class);
        assertThat(VaadinSession.getCurrent().getSession().getId()).as("a new session id at sign-in")
                .isNotEqualTo(sessionIdBefore);
        assertThat(_get(Span.class, spec -> spec.withId("operator-name")).getText()).isEqualTo("alice");
        assertThat(_get(Span.class, spec -> spec.withId("operator-roles")).getText()).isEqualTo("GUARD · SUPERVISOR");
    }

    @Test
    void aWrongPasswordKeepsTheOperatorOnTheSignInViewWithAClearMessage() {
        ConsoleUi.signIn("alice", "wrong");

        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
        assertThat(message()).isEqualTo(SignInView.REFUSED);
        assertThat(_get(PasswordField.class).getValue()).as("the password is not kept").isEmpty();
    }

    @Test
    void anUnreachableControllerIsNamedAsTheProblem() {
        controller.goOffline();

        ConsoleUi.signIn("alice", "correct horse");

        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
        assertThat(message()).startsWith("The controller cannot be reached").contains("Connection refused");
    }

    @Test
    void emptyFieldsAreNotSentToTheController() {
        controller.goOffline();

        ConsoleUi.signIn("  ", "");

        assertThat(message()).isEqualTo(SignInView.MISSING_INPUT);
    }

    @Test
    void signingOutReturnsToSignInAndTheViewsAreClosedAgain() {
        ConsoleUi.signIn("alice", "correct horse");

        _click(_get(Button.class, spec -> spec.withText("Sign out")));
        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
        assertThat(controller.openStreams()).as("leaving the live view stops its stream").isZero();

        UI.getCurrent().navigate(DoorsView.class);
        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
    }

    @Test
    void aSignedInOperatorOpeningSignInGoesToTheLiveView() {
        ConsoleUi.signIn("alice", "correct horse");

        UI.getCurrent().navigate(SignInView.class);

        assertThat(ConsoleUi.currentView()).isEqualTo(LiveView.class);
    }

    private static String message() {
        return _get(Span.class, spec -> spec.withAttribute("role", "alert")).getText();
    }
}
