package io.strikeswarm.bots.amm;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.serialization.SerializationExtension;
import org.apache.pekko.serialization.Serializers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The AMM bot's configuration as it is journaled: through the swarm's real Jackson CBOR bindings. */
class AmmConfigSerializationTest {
  private static final Config CONFIG = ConfigFactory.load(ConfigFactory.parseString("pekko.loglevel = WARNING")
      .withFallback(ConfigFactory.parseResourcesAnySyntax("serialization.conf")));
  private static final ActorTestKit actors = ActorTestKit.create(CONFIG);

  @AfterAll
  static void stop() {
    actors.shutdownTestKit();
  }

  private static AmmBotConfig config(RouteShare share) {
    return new AmmBotConfig("anvil", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        List.of(new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"), share)), Map.of("USDC", 6, "WETH", 18),
        "USDC", "WETH", "uniswap", ArbRules.DEFAULT);
  }

  private static Object roundTrip(Object event) throws Exception {
    Serialization serialization = SerializationExtension.get(actors.system().classicSystem());
    byte[] bytes = serialization.serialize(event).get();
    var serializer = serialization.findSerializerFor(event);
    return serialization.deserialize(bytes, serializer.identifier(), Serializers.manifestFor(serializer, event)).get();
  }

  @Test
  void aConfiguredEventWithSharedRoutesComesBackEqual() throws Exception {
    var event = new AmmBotEntity.AmmBotConfigured(config(new RouteShare(2, 5)));
    assertThat(roundTrip(event)).isEqualTo(event);
  }

  @Test
  void aRouteJournaledBeforeSharesExistedComesBackAsTheBotsAlone() throws Exception {
    // the CBOR of the old three-field route: the same bytes with "share" left out
    Serialization serialization = SerializationExtension.get(actors.system().classicSystem());
    ArbRoute route = new ArbRoute("USDC", "WETH", List.of("uniswap", "sushiswap"));
    var serializer = serialization.findSerializerFor(route);
    var mapper = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper();
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(serialization.serialize(route).get());
    assertThat(tree.has("share")).isTrue();
    tree.remove("share");
    Object back = serialization.deserialize(mapper.writeValueAsBytes(tree), serializer.identifier(),
        Serializers.manifestFor(serializer, route)).get();
    assertThat(back).isEqualTo(route);
    assertThat(((ArbRoute) back).share()).isEqualTo(RouteShare.SOLE);
  }

  @Test
  void aConfigJournaledBeforeTheNativeSymbolWasRecordedComesBackOnAnEthereumLikeChain() throws Exception {
    Serialization serialization = SerializationExtension.get(actors.system().classicSystem());
    AmmBotConfig bsc = new AmmBotConfig("bsc", config(RouteShare.SOLE).account(), config(RouteShare.SOLE).routes(),
        Map.of("USDC", 6, "WETH", 18), "USDC", "WETH", "uniswap", ArbRules.DEFAULT, "BNB");
    assertThat(roundTrip(new AmmBotEntity.AmmBotConfigured(bsc))).isEqualTo(new AmmBotEntity.AmmBotConfigured(bsc));

    var serializer = serialization.findSerializerFor(bsc);
    var mapper = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper();
    var tree = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(serialization.serialize(bsc).get());
    assertThat(tree.get("nativeSymbol").asText()).isEqualTo("BNB");
    tree.remove("nativeSymbol");
    Object back = serialization.deserialize(mapper.writeValueAsBytes(tree), serializer.identifier(),
        Serializers.manifestFor(serializer, bsc)).get();
    assertThat(((AmmBotConfig) back).nativeSymbol()).isEqualTo("ETH");
  }
}
