package dev.warden.controller.mqtt;

import dev.warden.codec.wiegand.WiegandDecoder;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.codec.wiegand.WiegandResult;
import dev.warden.contract.CardData;
import io.micronaut.core.annotation.Nullable;

/**
 * The card in a read: given decoded, or decoded here from raw Wiegand bits with the standard formats (H10301,
 * H10306, H10304, CORP1000). A frame that is not a card becomes a rejection reason {@code WIEGAND_<REASON>}
 * ({@code WIEGAND_PARITY_ERROR}, {@code WIEGAND_UNKNOWN_LENGTH}, {@code WIEGAND_NOT_BINARY}, {@code WIEGAND_EMPTY}).
 */
final class CardReading {

    /** A card, or why there is none. */
    sealed interface Result permits Card, Unreadable {}

    record Card(CardData card) implements Result {}

    record Unreadable(String reason, String detail) implements Result {}

    private static final WiegandDecoder DECODER = new WiegandDecoder(WiegandFormats.standard());

    private CardReading() {}

    /** Exactly one of {@code card} and {@code wiegand} is non-null (the contract records enforce it). */
    static Result of(@Nullable CardData card, @Nullable String wiegand) {
        if (card != null) {
            return new Card(card);
        }
        WiegandResult decoded = DECODER.decode(wiegand);
        return switch (decoded) {
            case WiegandResult.Decoded d -> new Card(new CardData(d.format(), d.facility(), d.number()));
            case WiegandResult.Invalid i -> new Unreadable("WIEGAND_" + i.reason().name(), i.detail());
        };
    }
}
