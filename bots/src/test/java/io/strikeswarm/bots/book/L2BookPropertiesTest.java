package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The primitive-array book against the naive TreeMap book, under any updates. */
class L2BookPropertiesTest {

  record Update(BookSide side, long price, long quantity) {}

  @Provide
  Arbitrary<List<Update>> updates() {
    // A narrow price range so updates hit existing levels; a wide one so levels land on every part of the arrays.
    Arbitrary<Long> prices = Arbitraries.oneOf(Arbitraries.longs().between(1, 60),
        Arbitraries.longs().between(1, 1_000_000_000_000L));
    Arbitrary<Long> quantities = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, Arbitraries.just(0L)),
        net.jqwik.api.Tuple.of(2, Arbitraries.longs().between(1, Long.MAX_VALUE)));
    return Combinators.combine(Arbitraries.of(BookSide.class), prices, quantities).as(Update::new)
        .list().ofMaxSize(400);
  }

  @Property
  void everyLevelBestPriceAndDepthMatchTheReferenceAfterEachUpdate(@ForAll("updates") List<Update> updates) {
    L2Book book = new L2Book(GeneratedMarket.SCALES);
    ReferenceBook reference = new ReferenceBook();
    for (Update update : updates) {
      book.apply(update.side(), update.price(), update.quantity());
      reference.set(update.side(), update.price(), update.quantity());

      for (BookSide side : BookSide.values()) {
        assertThat(ReferenceBook.ladder(book, side)).isEqualTo(reference.ladder(side));
        assertThat(book.quantityAt(side, update.price()))
            .isEqualTo(reference.side(side).getOrDefault(update.price(), 0L));
      }
      if (!reference.side(BookSide.BID).isEmpty()) {
        assertThat(book.bestBid()).isEqualTo(reference.side(BookSide.BID).firstKey());
      }
      if (!reference.side(BookSide.ASK).isEmpty()) {
        assertThat(book.bestAsk()).isEqualTo(reference.side(BookSide.ASK).firstKey());
      }
    }
  }

  @Property
  void removingEveryLevelEmptiesTheBook(@ForAll("updates") List<Update> updates) {
    L2Book book = new L2Book(GeneratedMarket.SCALES);
    ReferenceBook reference = new ReferenceBook();
    for (Update update : updates) {
      book.apply(update.side(), update.price(), update.quantity());
      reference.set(update.side(), update.price(), update.quantity());
    }

    for (BookSide side : BookSide.values()) {
      for (Map.Entry<Long, Long> level : reference.side(side).entrySet()) book.apply(side, level.getKey(), 0);
    }

    assertThat(book.depth(BookSide.BID)).isZero();
    assertThat(book.depth(BookSide.ASK)).isZero();
    assertThat(book.top()).isEmpty();
  }

  @Property
  void cumulativeQuantityIsTheSumOverTheBestLevels(@ForAll("updates") List<Update> updates,
      @ForAll("levelCounts") int levels) {
    L2Book book = new L2Book(GeneratedMarket.SCALES);
    ReferenceBook reference = new ReferenceBook();
    // Quantities small enough that no sum overflows.
    for (Update update : updates) {
      long quantity = update.quantity() % 1_000_000_000L;
      book.apply(update.side(), update.price(), quantity);
      reference.set(update.side(), update.price(), quantity);
    }

    for (BookSide side : BookSide.values()) {
      long expected = reference.side(side).values().stream().limit(levels).mapToLong(Long::longValue).sum();
      assertThat(book.cumulativeQuantity(side, levels)).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<Integer> levelCounts() {
    return Arbitraries.integers().between(0, 50);
  }
}
