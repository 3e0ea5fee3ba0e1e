package dev.warden.agent.osdp;

import java.util.Optional;

/**
 * Port: the Secure Channel Base Key (SCBK, 16 bytes) of a reader, held by the controller. May block up to a few
 * seconds (the agent asks the controller); empty when the controller has no key for the reader or cannot be asked.
 * The OSDP bus calls it from its own key threads (never from the bus thread): for every reader at start, and again
 * when a reader's key is missing or was refused; it keeps the keys it got in memory for its lifetime.
 */
@FunctionalInterface
public interface ReaderKeys {

    Optional<byte[]> scbk(String readerId);
}
