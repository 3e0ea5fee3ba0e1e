package dev.warden.agent.door;

/** Port: turn raw Wiegand bits (a string of 0 and 1, first bit sent first) into a card, or say why not. */
public interface DecodeWiegand {
    WiegandOutcome decode(String bits);
}
