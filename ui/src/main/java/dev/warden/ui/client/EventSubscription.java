package dev.warden.ui.client;

/** A running live event stream. Closing it stops the stream and its thread; closing twice is harmless. */
public interface EventSubscription extends AutoCloseable {

    @Override
    void close();
}
