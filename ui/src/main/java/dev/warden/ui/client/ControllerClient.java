package dev.warden.ui.client;

import java.util.List;
import java.util.function.Consumer;

/**
 * What the console asks of the controller. Implementations talk to the controller's REST API; every call but
 * {@link #signIn} carries the operator's access token.
 *
 * <p>The data calls throw {@link ControllerUnavailableException} when the controller cannot be reached or answers
 * with something unusable, and {@link SessionRefusedException} when it no longer accepts the token.
 */
public interface ControllerClient {

    /** Exchanges a username and password for an operator session; never throws for a refused or failed sign-in. */
    SignInResult signIn(String username, String password);

    /** The newest {@code size} events, newest first. */
    EventPage recentEvents(AccessToken token, int size);

    /** Every door and gate with its current state. */
    List<DoorView> doors(AccessToken token);

    /**
     * Streams live events to {@code onEvent} from a background thread until the returned subscription is closed,
     * reconnecting with backoff when the connection drops. {@code onState} hears every change of the connection's
     * state; after {@link StreamState#REFUSED} the stream stops for good. Both callbacks run on the stream's own
     * thread and must return quickly.
     */
    EventSubscription streamEvents(AccessToken token, Consumer<EventView> onEvent, Consumer<StreamState> onState);
}
