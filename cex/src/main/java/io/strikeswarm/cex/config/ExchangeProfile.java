package io.strikeswarm.cex.config;

import io.strikeswarm.cex.ids.ClientIdScheme;
import java.util.Map;
import java.util.Optional;

/**
 * What we know about one exchange: its XChange class (and the Maven module that ships it), how it wants client
 * order ids, whether it lists our client ids back on open orders and trades, the exchange-specific parameters that
 * select its sandbox or its production endpoints, and the rate limit of one API key on it.
 *
 * @param sandboxParameters empty when XChange has no sandbox for this exchange
 */
public record ExchangeProfile(String name, String exchangeClass, String mavenModule, ClientIdScheme clientIds,
    boolean echoesClientIds, boolean needsPassphrase, Optional<Map<String, Object>> sandboxParameters,
    Map<String, Object> productionParameters, RateLimit rateLimit) {

  public static final String SIMULATED = "simulated";

  public ExchangeProfile {
    sandboxParameters = sandboxParameters.map(Map::copyOf);
    productionParameters = Map.copyOf(productionParameters);
  }

  public boolean isSimulated() {
    return SIMULATED.equals(name);
  }

  public boolean hasSandbox() {
    return sandboxParameters.isPresent();
  }
}
