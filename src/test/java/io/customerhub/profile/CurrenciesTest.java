package io.customerhub.profile;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CurrenciesTest {

  private final Currencies yuan = new Currencies("cny", Map.of("usd", new BigDecimal("7.10")));

  @Test
  void theBaseCurrencyAndAnOrderWithoutOneCountAsWritten() {
    assertEquals(BigDecimal.ONE, yuan.factor("CNY"));
    assertEquals(BigDecimal.ONE, yuan.factor(" cny "), "codes are read like the sources write them");
    assertEquals(BigDecimal.ONE, yuan.factor(null));
    assertEquals(BigDecimal.ONE, yuan.factor(""));
  }

  @Test
  void anotherCurrencyTakesItsRateAndOneWithoutARateHasNoWorth() {
    assertEquals(new BigDecimal("7.10"), yuan.factor("usd"));
    assertNull(yuan.factor("EUR"));
  }

  @Test
  void byDefaultTheFiguresAreInYuanAndNoOtherCurrencyHasARate() {
    assertEquals(BigDecimal.ONE, Currencies.DEFAULT.factor("CNY"));
    assertNull(Currencies.DEFAULT.factor("USD"));
  }

  @Test
  void aBaseIsRequired() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Currencies(" ", null));
    assertTrue(e.getMessage().startsWith("orders.currency.base"), e.getMessage());
  }

  @Test
  void aRateThatIsNotPositiveIsRefusedNamingItsCurrency() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Currencies("CNY", Map.of("USD", BigDecimal.ZERO)));
    assertTrue(e.getMessage().contains("orders.currency.toBase.USD"), e.getMessage());
  }
}
