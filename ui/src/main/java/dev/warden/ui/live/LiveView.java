package dev.warden.ui.live;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.ListDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.theme.lumo.LumoUtility;
import dev.warden.ui.client.AccessToken;
import dev.warden.ui.client.ControllerClient;
import dev.warden.ui.client.ControllerException;
import dev.warden.ui.client.ControllerUnavailableException;
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
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every event as it happens, newest on top: time (site-local), door, person, card, the decision as a coloured
 * badge and the controller's reason in words. The default view after sign-in.
 *
 * <p>Events from the stream thread are queued and applied in one {@code UI.access} per burst, so a flood of events
 * costs one grid refresh and one push, not one per event.
 */
@Route(value = "", layout = ConsoleLayout.class)
@RouteAlias(value = "live", layout = ConsoleLayout.class)
@PageTitle("Live · Warden")
public class LiveView extends VerticalLayout implements BeforeEnterObserver {

    /** The most events kept in memory and in the grid. */
    public static final int CAPACITY = 2_000;
    /** How many events are loaded on entry and after every reconnection. */
    static final int RECENT = 100;
    private static final Logger LOG = LoggerFactory.getLogger(LiveView.class);
    private static final String NONE = "—";

    private final ControllerClient controller;
    private final CurrentOperator currentOperator;
    private final SiteTime siteTime;
    private final NewestEvents events = new NewestEvents(CAPACITY);
    private final ListDataProvider<EventView> rows = new ListDataProvider<>(events.newestFirst());
    private final Grid<EventView> grid = new Grid<>();
    private final Div streamState = new Div();
    private final Span count = new Span();
    private final Span problem = new Span();
    private final Queue<EventView> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private EventSubscription subscription;

    public LiveView(ControllerClient controller, CurrentOperator currentOperator, SiteTime siteTime) {
        this.controller = controller;
        this.currentOperator = currentOperator;
        this.siteTime = siteTime;

        grid.addColumn(event -> siteTime.time(event.occurredAt())).setHeader("Time").setKey("time")
                .setTooltipGenerator(event -> siteTime.dateTime(event.occurredAt()))
                .setWidth("6.5rem").setFlexGrow(0);
        grid.addColumn(event -> text(event.doorName(), event.doorId())).setHeader("Door").setKey("door")
                .setFlexGrow(2);
        grid.addColumn(event -> text(event.personName(), event.personId())).setHeader("Person").setKey("person")
                .setFlexGrow(2);
        grid.addColumn(event -> text(event.card())).setHeader("Card").setKey("card").setFlexGrow(1);
        grid.addComponentColumn(LiveView::decisionBadge).setHeader("Decision").setKey("decision")
                .setWidth("8.5rem").setFlexGrow(0);
        grid.addColumn(LiveView::reason).setHeader("Reason").setKey("reason").setFlexGrow(4);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_NO_BORDER);
        grid.setItems(rows);
        grid.setSizeFull();

        H2 title = new H2("Live events");
        title.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.NONE);
        count.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        problem.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(title, streamState, count, problem);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();

        add(header, grid);
        setSizeFull();
        setPadding(true);
        setSpacing(false);
        addClassNames(LumoUtility.Gap.SMALL);
        showState(StreamState.CONNECTING);
        updateCount();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Operator> operator = currentOperator.get();
        if (operator.isEmpty()) {
            return;
        }
        try {
            events.addAll(controller.recentEvents(operator.get().token(), RECENT).items());
            rows.refreshAll();
            updateCount();
        } catch (SessionRefusedException e) {
            currentOperator.sessionRefused();
            event.forwardTo(SignInView.class);
        } catch (ControllerUnavailableException e) {
            showProblem("Cannot load recent events: " + e.getMessage() + ". New events appear once it is back.");
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        Optional<Operator> operator = currentOperator.get();
        if (operator.isEmpty()) {
            return;
        }
        UI ui = attach.getUI();
        AccessToken token = operator.get().token();
        subscription = controller.streamEvents(token, event -> deliver(ui, event),
                state -> streamStateChanged(ui, token, state));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        inbox.clear();
    }

    /** Stream thread: queue the event and make sure one flush is on its way. */
    private void deliver(UI ui, EventView event) {
        inbox.add(event);
        if (flushScheduled.compareAndSet(false, true)) {
            ui.access(this::flush);
        }
    }

    /** Session lock held: apply everything queued so far in one refresh. */
    private void flush() {
        flushScheduled.set(false);
        boolean changed = false;
        for (EventView event = inbox.poll(); event != null; event = inbox.poll()) {
            changed |= events.add(event);
        }
        if (changed) {
            rows.refreshAll();
            updateCount();
        }
    }

    /** Stream thread: on every (re)connection fetch the newest page, so nothing missed while down stays missing. */
    private void streamStateChanged(UI ui, AccessToken token, StreamState state) {
        boolean backfilled = false;
        if (state == StreamState.LIVE) {
            try {
                controller.recentEvents(token, RECENT).items().forEach(event -> deliver(ui, event));
                backfilled = true;
            } catch (ControllerException e) {
                LOG.info("Could not fetch the events missed while the stream was down: {}", e.getMessage());
            }
        }
        boolean clearProblem = backfilled;
        ui.access(() -> {
            showState(state);
            if (clearProblem) {
                problem.setVisible(false);
            }
            if (state == StreamState.REFUSED) {
                currentOperator.sessionRefused();
                ui.navigate(SignInView.class);
            }
        });
    }

    private void showState(StreamState state) {
        streamState.removeAll();
        streamState.add(switch (state) {
            case CONNECTING -> StatusBadges.neutral("Connecting…");
            case LIVE -> StatusBadges.good("Live");
            case RECONNECTING -> StatusBadges.warning("Reconnecting…");
            case REFUSED -> StatusBadges.bad("Signed out");
        });
    }

    private void showProblem(String text) {
        problem.setText(text);
        problem.setVisible(true);
    }

    private void updateCount() {
        int size = events.size();
        count.setText(size == 1 ? "1 event" : size + " events");
    }

    private static Component decisionBadge(EventView event) {
        if (event.decision() == null) {
            return StatusBadges.neutral(event.kind().name().replace('_', ' '));
        }
        return switch (event.decision()) {
            case GRANT -> StatusBadges.good("GRANT");
            case DENY -> StatusBadges.bad("DENY");
            case REJECTED -> StatusBadges.warning("REJECTED");
        };
    }

    private static String reason(EventView event) {
        String text = text(event.reasonText(), event.reason());
        return text.equals(NONE) ? "" : text;
    }

    private static String text(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return NONE;
    }
}
