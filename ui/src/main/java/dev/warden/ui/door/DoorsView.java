package dev.warden.ui.door;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.warden.ui.client.AccessToken;
import dev.warden.ui.client.ControllerClient;
import dev.warden.ui.client.ControllerUnavailableException;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.client.EventKind;
import dev.warden.ui.client.EventSubscription;
import dev.warden.ui.client.EventView;
import dev.warden.ui.client.Operator;
import dev.warden.ui.client.SessionRefusedException;
import dev.warden.ui.client.StreamState;
import dev.warden.ui.shell.ConsoleLayout;
import dev.warden.ui.shell.SiteTime;
import dev.warden.ui.shell.StatusBadges;
import dev.warden.ui.signin.CurrentOperator;
import dev.warden.ui.signin.SignInView;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Every door and gate: name, kind, state (coloured), whether its agent is online, and when it last changed. */
@Route(value = "doors", layout = ConsoleLayout.class)
@PageTitle("Doors · Warden")
public class DoorsView extends VerticalLayout implements BeforeEnterObserver {

    /** The browser asks for a refresh this often, in milliseconds. */
    static final int POLL_MILLIS = 5_000;
    /** Live events re-fetch the doors at most once per this spacing. */
    static final Duration EVENT_REFRESH_SPACING = Duration.ofSeconds(1);
    private static final Comparator<DoorView> BY_NAME = Comparator.comparing(DoorsView::name,
            String.CASE_INSENSITIVE_ORDER);

    private final ControllerClient controller;
    private final CurrentOperator currentOperator;
    private final SiteTime siteTime;
    private final Clock clock;
    private final Grid<DoorView> grid = new Grid<>();
    private final Span updated = new Span();
    private final Span problem = new Span();
    private final AtomicLong lastEventRefreshMillis = new AtomicLong(Long.MIN_VALUE);
    private EventSubscription subscription;
    private Registration pollRegistration;

    public DoorsView(ControllerClient controller, CurrentOperator currentOperator, SiteTime siteTime, Clock clock) {
        this.controller = controller;
        this.currentOperator = currentOperator;
        this.siteTime = siteTime;
        this.clock = clock;

        grid.addColumn(DoorsView::name).setHeader("Door").setKey("name").setFlexGrow(3);
        grid.addColumn(door -> door.kind() == null ? "—" : door.kind().name()).setHeader("Kind").setKey("kind")
                .setWidth("6rem").setFlexGrow(0);
        grid.addComponentColumn(DoorsView::stateBadge).setHeader("State").setKey("state")
                .setWidth("8.5rem").setFlexGrow(0);
        grid.addComponentColumn(DoorsView::agentBadge).setHeader("Agent").setKey("agent")
                .setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(door -> siteTime.dateTime(door.lastChange())).setHeader("Last change").setKey("lastChange")
                .setWidth("11rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.setSizeFull();

        H2 title = new H2("Doors");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        updated.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        problem.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(title, updated, problem);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();

        add(header, grid);
        setSizeFull();
        setPadding(true);
        setSpacing(false);
        addClassNames(LumoUtility.Gap.SMALL);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Operator> operator = currentOperator.get();
        if (operator.isEmpty()) {
            return;
        }
        try {
            show(controller.doors(operator.get().token()));
        } catch (SessionRefusedException e) {
            currentOperator.sessionRefused();
            event.forwardTo(SignInView.class);
        } catch (ControllerUnavailableException e) {
            showProblem(e);
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        Optional<Operator> operator = currentOperator.get();
        if (operator.isEmpty()) {
            return;
        }
        UI ui = attach.getUI();
        ui.setPollInterval(POLL_MILLIS);
        pollRegistration = ui.addPollListener(poll -> refresh(ui));
        AccessToken token = operator.get().token();
        subscription = controller.streamEvents(token, event -> liveEvent(ui, token, event), state -> {
            if (state == StreamState.REFUSED) {
                ui.access(() -> signInAgain(ui));
            }
        });
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
            pollRegistration = null;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /** Session lock held (a browser poll): re-fetch now. */
    private void refresh(UI ui) {
        Optional<Operator> operator = currentOperator.get();
        if (operator.isEmpty()) {
            ui.navigate(SignInView.class);
            return;
        }
        try {
            show(controller.doors(operator.get().token()));
        } catch (SessionRefusedException e) {
            signInAgain(ui);
        } catch (ControllerUnavailableException e) {
            showProblem(e);
        }
    }

    /** Stream thread: an event about a door or device re-fetches the doors, at most once per spacing. */
    private void liveEvent(UI ui, AccessToken token, EventView event) {
        if (event.doorId() == null && event.kind() != EventKind.DOOR && event.kind() != EventKind.DEVICE) {
            return;
        }
        long now = clock.millis();
        long last = lastEventRefreshMillis.get();
        if (last != Long.MIN_VALUE && now - last < EVENT_REFRESH_SPACING.toMillis()
                || !lastEventRefreshMillis.compareAndSet(last, now)) {
            return;
        }
        try {
            List<DoorView> doors = controller.doors(token);
            ui.access(() -> show(doors));
        } catch (SessionRefusedException e) {
            ui.access(() -> signInAgain(ui));
        } catch (ControllerUnavailableException e) {
            ui.access(() -> showProblem(e));
        }
    }

    private void show(List<DoorView> doors) {
        grid.setItems(doors.stream().sorted(BY_NAME).toList());
        updated.setText(doors.size() + (doors.size() == 1 ? " door" : " doors") + " · updated "
                + siteTime.time(clock.instant()));
        problem.setVisible(false);
    }

    private void showProblem(ControllerUnavailableException e) {
        problem.setText("Cannot refresh: " + e.getMessage() + ". The states shown may be out of date.");
        problem.setVisible(true);
    }

    private void signInAgain(UI ui) {
        currentOperator.sessionRefused();
        ui.navigate(SignInView.class);
    }

    private static String name(DoorView door) {
        return door.name() == null || door.name().isBlank() ? door.id() : door.name();
    }

    private static Component stateBadge(DoorView door) {
        String state = door.state().name();
        return switch (door.state()) {
            case LOCKED, CLOSED -> StatusBadges.good(state);
            case UNLOCKED -> StatusBadges.warning(state);
            case OPEN -> StatusBadges.bad(state);
            case UNKNOWN -> StatusBadges.neutral(state);
        };
    }

    private static Component agentBadge(DoorView door) {
        if (door.agentId() == null) {
            return StatusBadges.neutral("no agent");
        }
        return door.agentOnline() ? StatusBadges.good("online") : StatusBadges.bad("offline");
    }
}
