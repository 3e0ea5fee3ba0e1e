package dev.warden.agent.door;

import dev.warden.contract.CardData;

/** The result of decoding raw Wiegand bits at the edge. */
public sealed interface WiegandOutcome {

    /** The bits are a valid frame of a known format. */
    record Card(CardData card) implements WiegandOutcome {}

    /** Parity error, unknown length or similar; {@code reason} is a short code, {@code detail} for humans. */
    record Unreadable(String reason, String detail) implements WiegandOutcome {}
}
