package dev.warden.sim.testing;

import dev.warden.sim.device.DeviceChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link DeviceChannel} that keeps what the device published. */
public final class RecordingChannel implements DeviceChannel {

    /** One published message. */
    public record Sent(String topic, byte[] payload, boolean retained) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    @Override
    public void publish(String topic, byte[] payload, boolean retained) {
        sent.add(new Sent(topic, payload, retained));
    }

    @Override
    public boolean isConnected() {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
