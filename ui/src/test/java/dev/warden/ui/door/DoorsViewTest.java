package dev.warden.ui.door;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import dev.warden.ui.client.DoorState;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.live.LiveView;
import dev.warden.ui.testing.ConsoleUi;
import dev.warden.ui.testing.FakeController;
import dev.warden.ui.testing.MutableClock;
import dev.warden.ui.testing.TestEvents;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DoorsViewTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:15:30Z");
    private final MutableClock clock = new MutableClock(T0);
    private final FakeController controller = new FakeController(clock)
            .withOperator("alice", "pw", "GUARD")
            .withDoors(
                    TestEvents.door("door-7", "Server room 1", DoorState.LOCKED, true, T0.minusSeconds(3600)),
                    TestEvents.door("door-2", "Loading dock", DoorState.OPEN, true, T0.minusSeconds(5)),
                    TestEvents.door("door-9", "Cage B", DoorState.UNKNOWN, false, null),
                    TestEvents.door("door-4", "Lobby gate", DoorState.UNLOCKED, true, T0.minusSeconds(60)));

    @BeforeEach
    void start() {
        ConsoleUi.start(controller, clock);
        ConsoleUi.signIn("alice", "pw");
        UI.getCurrent().navigate(DoorsView.class);
    }

    @AfterEach
    void stop() {
        ConsoleUi.stop();
    }

    @Test
    void showsEveryDoorByNameWithItsStateInColour() {
        Grid<DoorView> grid = grid();

        assertThat(_size(grid)).isEqualTo(4);
        assertThat(_getFormatted(grid, 0, "name")).isEqualTo("Cage B");
        assertThat(badge(grid, 0, "state").getText()).isEqualTo("UNKNOWN");
        assertThat(badge(grid, 0, "state").getThemeNames()).contains("contrast");
        assertThat(badge(grid, 0, "agent").getText()).isEqualTo("offline");
        assertThat(badge(grid, 0, "agent").getThemeNames()).contains("error");
        assertThat(_getFormatted(grid, 0, "lastChange")).isEqualTo("—");

        assertThat(_getFormatted(grid, 1, "name")).isEqualTo("Loading dock");
        assertThat(badge(grid, 1, "state").getText()).isEqualTo("OPEN");
        assertThat(badge(grid, 1, "state").getThemeNames()).contains("error");
        assertThat(_getFormatted(grid, 1, "lastChange")).isEqualTo("2026-11-23 10:15:25");

        assertThat(badge(grid, 2, "state").getText()).isEqualTo("UNLOCKED");
        assertThat(badge(grid, 2, "state").getThemeNames()).contains("warning");

        assertThat(_getFormatted(grid, 3, "name")).isEqualTo("Server room 1");
        assertThat(badge(grid, 3, "state").getText()).isEqualTo("LOCKED");
        assertThat(badge(grid, 3, "state").getThemeNames()).contains("success");
        assertThat(badge(grid, 3, "agent").getText()).isEqualTo("online");
    }

    @Test
    void anEventAboutADoorRefreshesTheStatesAtOnceButAtMostOncePerSecond() {
        int before = controller.doorFetches();
        controller.withDoors(TestEvents.door("door-7", "Server room 1", DoorState.OPEN, true, T0));

        controller.publish(TestEvents.doorForced(50, T0, "door-7", "Server room 1"));
        ConsoleUi.runPushedChanges();

        assertThat(controller.doorFetches()).isEqualTo(before + 1);
        assertThat(_size(grid())).isEqualTo(1);
        assertThat(badge(grid(), 0, "state").getText()).isEqualTo("OPEN");

        controller.publish(TestEvents.doorForced(51, T0, "door-7", "Server room 1"));
        assertThat(controller.doorFetches()).as("a second event within a second waits for the poll")
                .isEqualTo(before + 1);

        clock.advance(DoorsView.EVENT_REFRESH_SPACING);
        controller.publish(TestEvents.doorForced(52, T0, "door-7", "Server room 1"));
        assertThat(controller.doorFetches()).isEqualTo(before + 2);
    }

    @Test
    void theBrowserPollsEveryFiveSecondsWhileTheViewIsOpen() {
        UI ui = UI.getCurrent();
        assertThat(ui.getPollInterval()).isEqualTo(DoorsView.POLL_MILLIS);
        controller.withDoors(TestEvents.door("door-2", "Loading dock", DoorState.CLOSED, true, T0));

        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(_size(grid())).isEqualTo(1);
        assertThat(badge(grid(), 0, "state").getText()).isEqualTo("CLOSED");

        ui.navigate(LiveView.class);
        assertThat(ui.getPollInterval()).as("no polling outside the doors view").isEqualTo(-1);
    }

    @Test
    void aFailedRefreshKeepsTheLastStatesAndSaysSo() {
        controller.goOffline();

        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));

        assertThat(_size(grid())).isEqualTo(4);
        assertThat(_get(Span.class, spec -> spec.withAttribute("role", "alert")).getText())
                .startsWith("Cannot refresh").contains("cannot be reached");

        controller.comeBack();
        clock.advance(Duration.ofSeconds(5));
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
        _assertNone(Span.class, spec -> spec.withAttribute("role", "alert"));
        assertThat(badge(grid(), 0, "state").getText()).as("the states are fresh again").isEqualTo("UNKNOWN");
    }

    @SuppressWarnings("unchecked")
    private static Grid<DoorView> grid() {
        return _get(Grid.class);
    }

    private static Badge badge(Grid<DoorView> grid, int row, String column) {
        return (Badge) _getCellComponent(grid, row, column);
    }
}
