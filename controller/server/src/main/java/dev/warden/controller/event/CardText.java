package dev.warden.controller.event;

import dev.warden.contract.CardData;

/** The one way a card is written in events and logs: {@code "H10301 12:4567"}. */
public final class CardText {
    private CardText() {}

    public static String of(CardData card) {
        return card == null ? null : of(card.format(), card.facility(), card.number());
    }

    public static String of(String format, long facility, long number) {
        return format + " " + facility + ":" + number;
    }
}
