package dev.warden.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.codec.wiegand.WiegandEncoder;
import dev.warden.codec.wiegand.WiegandFormats;
import dev.warden.contract.CardData;
import org.junit.jupiter.api.Test;

/** Verifies how a read's card is taken: as given, or decoded from Wiegand bits into a card or a rejection code. */
class CardReadingTest {

    @Test
    void aDecodedCardIsTakenAsGiven() {
        CardData card = new CardData("H10301", 7, 42);
        assertThat(CardReading.of(card, null)).isEqualTo(new CardReading.Card(card));
    }

    @Test
    void wiegandBitsOfEveryStandardFormatAreDecoded() {
        WiegandEncoder encoder = new WiegandEncoder();
        assertThat(CardReading.of(null, "10000000100000100110100100"))
                .isEqualTo(new CardReading.Card(new CardData("H10301", 1, 1234)));
        assertThat(CardReading.of(null, encoder.encode(WiegandFormats.H10306, 300, 5)))
                .isEqualTo(new CardReading.Card(new CardData("H10306", 300, 5)));
        assertThat(CardReading.of(null, encoder.encode(WiegandFormats.H10304, 1, 300_000)))
                .isEqualTo(new CardReading.Card(new CardData("H10304", 1, 300_000)));
        assertThat(CardReading.of(null, encoder.encode(WiegandFormats.CORP1000, 1, 1234)))
                .isEqualTo(new CardReading.Card(new CardData("CORP1000", 1, 1234)));
    }

    @Test
    void framesThatAreNoCardBecomeWiegandRejectionCodes() {
        String bits = "10000000100000100110100100";
        String badParity = bits.substring(0, 25) + '1';
        assertThat(CardReading.of(null, badParity)).isInstanceOfSatisfying(CardReading.Unreadable.class, u -> {
            assertThat(u.reason()).isEqualTo("WIEGAND_PARITY_ERROR");
            assertThat(u.detail()).isNotBlank();
        });
        assertThat(CardReading.of(null, "1".repeat(25)))
                .isInstanceOfSatisfying(CardReading.Unreadable.class,
                        u -> assertThat(u.reason()).isEqualTo("WIEGAND_UNKNOWN_LENGTH"));
    }
}
