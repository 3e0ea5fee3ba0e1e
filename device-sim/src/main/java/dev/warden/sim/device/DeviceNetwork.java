package dev.warden.sim.device;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Port: connects simulated devices to the broker. Each device gets its own channel, logged in with its own
 * account (username = device id). Implementations renew {@code subscriptions} and run {@code onConnected} on every
 * (re)connect, and deliver messages to {@code onMessage}; both on the simulator's device thread.
 */
public interface DeviceNetwork {

    DeviceChannel join(String deviceId, String password, List<String> subscriptions, BiConsumer<String, byte[]> onMessage, Runnable onConnected);
}
