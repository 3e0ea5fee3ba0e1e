package dev.warden.ui.signin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import dev.warden.ui.door.DoorsView;
import dev.warden.ui.live.LiveView;
import dev.warden.ui.testing.ConsoleUi;
import dev.warden.ui.testing.FakeController;
import dev.warden.ui.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verifies that no view but sign-in opens without a signed-in operator whose session is still valid. */
class SignInGuardTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:15:30Z"));
    private final FakeController controller = new FakeController(clock).withOperator("bob", "pw", "GUARD");

    @BeforeEach
    void start() {
        ConsoleUi.start(controller, clock);
    }

    @AfterEach
    void stop() {
        ConsoleUi.stop();
    }

    @Test
    void theConsoleOpensOnTheSignInView() {
        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
    }

    @Test
    void navigatingToAnyViewUnsignedGoesToSignIn() {
        UI.getCurrent().navigate(LiveView.class);
        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);

        UI.getCurrent().navigate("doors");
        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
        assertThat(controller.streamsOpened()).as("nothing was fetched for an unsigned visitor").isZero();
    }

    @Test
    void anExpiredSessionGoesToSignInAndSaysWhy() {
        ConsoleUi.signIn("bob", "pw");
        clock.advance(FakeController.TOKEN_LIFETIME.plus(Duration.ofSeconds(1)));

        UI.getCurrent().navigate(DoorsView.class);

        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
        assertThat(_get(Span.class, spec -> spec.withAttribute("role", "alert")).getText())
                .isEqualTo(CurrentOperator.SESSION_EXPIRED);
    }
}
