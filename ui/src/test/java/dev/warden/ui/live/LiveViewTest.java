package dev.warden.ui.live;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import dev.warden.ui.client.EventView;
import dev.warden.ui.client.StreamState;
import dev.warden.ui.door.DoorsView;
import dev.warden.ui.signin.SignInView;
import dev.warden.ui.testing.ConsoleUi;
import dev.warden.ui.testing.FakeController;
import dev.warden.ui.testing.MutableClock;
import dev.warden.ui.testing.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FakeController controller = new FakeController(clock)
            .withOperator("alice", "pw", "GUARD")
            .withEvents(
                    TestEvents.grantedAtServerRoom(1, T0.minusSeconds(30)),
                    TestEvents.rejectedRead(2, T0.minusSeconds(20)),
                    TestEvents.deniedOutsideSchedule(3, T0.minusSeconds(10)));

    @BeforeEach
    void start() {
        ConsoleUi.start(controller, clock);
    }

    @AfterEach
    void stop() {
        ConsoleUi.stop();
    }

    @Test
    void showsTheLoadedEventsNewestFirstWithTheReasonInWords() {
        ConsoleUi.signIn("alice", "pw");
        ConsoleUi.runPushedChanges();

        Grid<EventView> grid = grid();
        assertThat(_size(grid)).isEqualTo(3);
        assertThat(_get(grid, 0).id()).isEqualTo(3);
        assertThat(_getFormatted(grid, 0, "time")).isEqualTo("10:15:20");
        assertThat(_getFormatted(grid, 0, "door")).isEqualTo("Loading dock");
        assertThat(_getFormatted(grid, 0, "person")).isEqualTo("Grace Hopper");
        assertThat(_getFormatted(grid, 0, "card")).isEqualTo("H10301 12:1001");
        assertThat(_getFormatted(grid, 0, "reason")).isEqualTo("Outside the access schedule");
        assertThat(decision(grid, 0)).extracting(Badge::getText).isEqualTo("DENY");
        assertThat(decision(grid, 0).getThemeNames()).contains("error");
        assertThat(decision(grid, 1).getText()).isEqualTo("REJECTED");
        assertThat(decision(grid, 1).getThemeNames()).contains("warning");
        assertThat(_getFormatted(grid, 1, "person")).isEqualTo("—");
        assertThat(decision(grid, 2).getText()).isEqualTo("GRANT");
        assertThat(decision(grid, 2).getThemeNames()).contains("success");
        assertThat(_getFormatted(grid, 2, "reason")).isEmpty();
    }

    @Test
    void aPushedEventAppearsOnTopWithoutAReload() {
        ConsoleUi.signIn("alice", "pw");
        ConsoleUi.runPushedChanges();

        controller.publish(TestEvents.deniedRevokedBadge(4, T0.plusSeconds(1)));
        ConsoleUi.runPushedChanges();

        Grid<EventView> grid = grid();
        assertThat(_size(grid)).isEqualTo(4);
        assertThat(_get(grid, 0).id()).isEqualTo(4);
        assertThat(_getFormatted(grid, 0, "reason")).isEqualTo("Credential revoked");
        assertThat(_get(Span.class, spec -> spec.withText("4 events"))).isNotNull();
    }

    @Test
    void anEventDeliveredTwiceIsShownOnce() {
        ConsoleUi.signIn("alice", "pw");
        EventView event = TestEvents.deniedRevokedBadge(4, T0.plusSeconds(1));

        controller.publish(event);
        controller.publish(event);
        ConsoleUi.runPushedChanges();

        assertThat(_size(grid())).isEqualTo(4);
    }

    @Test
    void keepsOnlyTheNewestEventsInMemory() {
        ConsoleUi.signIn("alice", "pw");

        int published = LiveView.CAPACITY + 150;
        for (int i = 1; i <= published; i++) {
            controller.publish(TestEvents.grantedAtServerRoom(100 + i, T0.plusMillis(i)));
        }
        ConsoleUi.runPushedChanges();

        Grid<EventView> grid = grid();
        assertThat(_size(grid)).isEqualTo(LiveView.CAPACITY);
        assertThat(_get(grid, 0).id()).isEqualTo(100 + published);
        assertThat(_get(grid, LiveView.CAPACITY - 1).id()).isEqualTo(100 + published - LiveView.CAPACITY + 1);
    }

    @Test
    void showsWhetherTheStreamIsLive() {
        ConsoleUi.signIn("alice", "pw");
        ConsoleUi.runPushedChanges();
        assertThat(_get(Badge.class, spec -> spec.withText("Live")).getThemeNames()).contains("success");

        controller.streamState(StreamState.RECONNECTING);
        ConsoleUi.runPushedChanges();

        assertThat(_get(Badge.class, spec -> spec.withText("Reconnecting…")).getThemeNames()).contains("warning");
    }

    @Test
    void leavingTheViewStopsItsStream() {
        ConsoleUi.signIn("alice", "pw");
        assertThat(controller.openStreams()).isEqualTo(1);

        UI.getCurrent().navigate(DoorsView.class);

        assertThat(controller.streamsOpened()).isEqualTo(2);
        assertThat(controller.openStreams()).as("only the doors view's stream is still open").isEqualTo(1);
    }

    @Test
    void aTokenTheControllerNoLongerAcceptsSendsTheOperatorToSignIn() {
        ConsoleUi.signIn("alice", "pw");
        ConsoleUi.runPushedChanges();

        controller.refuseAllTokens();
        controller.streamState(StreamState.REFUSED);
        ConsoleUi.runPushedChanges();

        assertThat(ConsoleUi.currentView()).isEqualTo(SignInView.class);
        assertThat(_get(Span.class, spec -> spec.withAttribute("role", "alert")).getText()).contains("expired");
    }

    @Test
    void anUnreachableControllerAtEntryIsShownAndTheViewStillOpens() {
        ConsoleUi.signIn("alice", "pw");
        controller.goOffline();

        UI.getCurrent().navigate(DoorsView.class);
        UI.getCurrent().navigate(LiveView.class);
        ConsoleUi.runPushedChanges();

        assertThat(ConsoleUi.currentView()).isEqualTo(LiveView.class);
        assertThat(_get(_get(LiveView.class), Span.class, spec -> spec.withAttribute("role", "alert")).getText())
                .startsWith("Cannot load recent events");
        assertThat(_size(grid())).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Grid<EventView> grid() {
        return _get(Grid.class);
    }

    private static Badge decision(Grid<EventView> grid, int row) {
        return (Badge) _getCellComponent(grid, row, "decision");
    }
}
