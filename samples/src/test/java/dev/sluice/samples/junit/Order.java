package dev.sluice.samples.junit;

import java.math.BigDecimal;

/**
 * Part of the example application under test: an order placed in a shop.
 *
 * @param total in euros, two decimals
 */
record Order(String id, String customer, BigDecimal total) {
    String toJson() {
        return "{\"id\":\"" + id + "\",\"customer\":\"" + customer + "\",\"total\":" + total.toPlainString() + "}";
    }
}
