package io.strikeswarm.bots.routing;

import io.strikeswarm.bots.domain.VenueKind;
import java.util.Map;
import java.util.Optional;

/**
 * The routed venues wired on this node, by the venue name a bot's config names. The simulated venue is not here:
 * it fills inside the bot's own bar step.
 */
public record OrderRoutes(Map<String, OrderRoute> byVenue) {
  public static final OrderRoutes NONE = new OrderRoutes(Map.of());

  public OrderRoutes {
    byVenue = Map.copyOf(byVenue);
  }

  public static OrderRoutes cex(OrderRoute route) {
    return new OrderRoutes(Map.of(VenueKind.CEX, route));
  }

  public Optional<OrderRoute> forVenue(String venue) {
    return Optional.ofNullable(byVenue.get(venue));
  }
}
