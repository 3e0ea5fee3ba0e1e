package dev.warden.ui.testing;

import dev.warden.ui.client.AccessToken;
import dev.warden.ui.client.ControllerClient;
import dev.warden.ui.client.ControllerUnavailableException;
import dev.warden.ui.client.DoorView;
import dev.warden.ui.client.EventPage;
import dev.warden.ui.client.EventSubscription;
import dev.warden.ui.client.EventView;
import dev.warden.ui.client.Operator;
import dev.warden.ui.client.SessionRefusedException;
import dev.warden.ui.client.SignInResult;
import dev.warden.ui.client.StreamState;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * An in-memory controller behind the {@link ControllerClient} port: operator accounts, stored events, doors, live
 * streams that a test feeds with {@link #publish}, and switches to make it unreachable or refuse every token.
 * Streams call back on the caller's thread, so a Karibu test then runs the UI queue.
 */
public final class FakeController implements ControllerClient {

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private record Account(String password, List<String> roles) {
    }

    private final Clock clock;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final List<EventView> newestFirst = new CopyOnWriteArrayList<>();
    private final List<FakeStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger issued = new AtomicInteger();
    private final AtomicInteger doorFetches = new AtomicInteger();
    private volatile List<DoorView> doors = List.of();
    private volatile boolean reachable = true;

    public FakeController(Clock clock) {
        this.clock = clock;
    }

    public FakeController withOperator(String username, String password, String... roles) {
        accounts.put(username, new Account(password, List.of(roles)));
        return this;
    }

    /** Events the controller already holds, given oldest first. */
    public FakeController withEvents(EventView... oldestFirst) {
        for (EventView event : oldestFirst) {
            newestFirst.addFirst(event);
        }
        return this;
    }

    public FakeController withDoors(DoorView... current) {
        doors = List.of(current);
        return this;
    }

    /** A new event happens: it is stored and sent to every open stream. */
    public void publish(EventView event) {
        newestFirst.addFirst(event);
        for (FakeStream stream : streams) {
            if (stream.open) {
                stream.onEvent.accept(event);
            }
        }
    }

    /** Sends a stream-state change to every open stream, as a real stream does when its connection drops. */
    public void streamState(StreamState state) {
        for (FakeStream stream : streams) {
            if (stream.open) {
                stream.onState.accept(state);
            }
        }
    }

    public void goOffline() {
        reachable = false;
    }

    public void comeBack() {
        reachable = true;
    }

    /** The controller forgets every token it issued (as after a restart with new keys, or a revocation). */
    public void refuseAllTokens() {
        validTokens.clear();
    }

    public int openStreams() {
        return (int) streams.stream().filter(stream -> stream.open).count();
    }

    public int streamsOpened() {
        return streams.size();
    }

    public int doorFetches() {
        return doorFetches.get();
    }

    @Override
    public SignInResult signIn(String username, String password) {
        if (!reachable) {
            return new SignInResult.Unavailable("the controller at http://fake cannot be reached (Connection refused)");
        }
        Account account = accounts.get(username);
        if (account == null || !account.password().equals(password)) {
            return new SignInResult.Refused();
        }
        String token = "token-" + username + "-" + issued.incrementAndGet();
        validTokens.add(token);
        return new SignInResult.Accepted(
                new Operator(username, account.roles(), new AccessToken(token), clock.instant().plus(TOKEN_LIFETIME)));
    }

    @Override
    public EventPage recentEvents(AccessToken token, int size) {
        check(token);
        List<EventView> page = new ArrayList<>(newestFirst.subList(0, Math.min(size, newestFirst.size())));
        return new EventPage(page, 0, size, newestFirst.size());
    }

    @Override
    public List<DoorView> doors(AccessToken token) {
        check(token);
        doorFetches.incrementAndGet();
        return doors;
    }

    @Override
    public EventSubscription streamEvents(AccessToken token, Consumer<EventView> onEvent,
            Consumer<StreamState> onState) {
        FakeStream stream = new FakeStream(onEvent, onState);
        streams.add(stream);
        onState.accept(StreamState.CONNECTING);
        if (!reachable) {
            onState.accept(StreamState.RECONNECTING);
        } else if (!validTokens.contains(token.value())) {
            onState.accept(StreamState.REFUSED);
            stream.open = false;
        } else {
            onState.accept(StreamState.LIVE);
        }
        return stream;
    }

    private void check(AccessToken token) {
        if (!reachable) {
            throw new ControllerUnavailableException("the controller at http://fake cannot be reached");
        }
        if (!validTokens.contains(token.value())) {
            throw new SessionRefusedException("the controller refused the session (HTTP 401)");
        }
    }

    private static final class FakeStream implements EventSubscription {
        private final Consumer<EventView> onEvent;
        private final Consumer<StreamState> onState;
        private volatile boolean open = true;

        FakeStream(Consumer<EventView> onEvent, Consumer<StreamState> onState) {
            this.onEvent = onEvent;
            this.onState = onState;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
