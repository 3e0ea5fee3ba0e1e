package dev.warden.agent.osdp;

import java.util.Optional;

/**
 * Port: the Secure Channel Base Key (SCBK, 16 bytes) of a reader, held by the controller. May block up to a few
 * seconds (the agent asks the controller); empty when the controller has no key for the reader or cannot be asked.
 * The OSDP bus calls it from its own thread whenever it (re)starts a reader's Secure Channel.
 */
@FunctionalInterface
public interface ReaderKeys {

    Optional<byte[]> scbk(String readerId);
}
