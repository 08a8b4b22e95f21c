package ru.appealdesk.workflow;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The normalised street and address of a free-text address (surge, 002 п.11, 004 п.25). */
class AddressKeyTest {

    @ParameterizedTest(name = "{0} → {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "ул. Ленина, д. 5|ленина|ленина, 5",
            "улица Ленина 5|ленина|ленина, 5",
            "Ленина ул., 5|ленина|ленина, 5",
            "  УЛ.  ЛЕНИНА,   Д.5  |ленина|ленина, 5",
            "г. Руза, ул. Ленина, д. 5, кв. 12|ленина|ленина, 5",
            "Московская обл., г. Руза, улица Ленина, дом 5|ленина|ленина, 5",
            "ул. Лёнина д 5а|ленина|ленина, 5а",
            "ул. Ленина, д. 5 А|ленина|ленина, 5а",
            "ул. Ленина, д. 5, корп. 2|ленина|ленина, 5к2",
            "пер. Ленина, 5|ленина пер|ленина пер, 5",
            "Ленина переулок 5|ленина пер|ленина пер, 5",
            "ул. 8 Марта, д. 10|8 марта|8 марта, 10",
            "проспект Маршала Жукова, 3|маршала жукова пр-т|маршала жукова пр-т, 3",
            "ул. Ленина|ленина|null",
            "д. Ивановка, ул. Садовая, 7|садовая|садовая, 7",
            "г. Руза|null|null",
            "null|null|null",
    })
    void normalisesRussianStreetForms(String address, String street, String full) {
        // given a free-text address as a portal sends it; when it is normalised
        AddressKey key = AddressKey.of(address);

        // then case, «ё», «ул.», «д.», punctuation, the town and the flat do not matter
        assertThat(key.street()).isEqualTo(street);
        assertThat(key.address()).isEqualTo(full);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ул. Ленина, д. 5|Ленина ул., 5|true|true",
            "ул. Ленина, д. 5|улица Ленина, 7|true|false",
            "ул. Ленина, д. 5|ул. Гагарина, д. 5|false|false",
    })
    void comparesByStreetOrAddress(String a, String b, boolean sameStreet, boolean sameAddress) {
        assertThat(AddressKey.of(a).street().equals(AddressKey.of(b).street())).isEqualTo(sameStreet);
        assertThat(AddressKey.of(a).address().equals(AddressKey.of(b).address())).isEqualTo(sameAddress);
    }
}
