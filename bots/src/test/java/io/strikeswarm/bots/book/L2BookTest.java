package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class L2BookTest {
  private static final FixedPointScales SCALES = new FixedPointScales(2, 8);

  private final L2Book book = new L2Book(SCALES);

  private long price(String decimal) {
    return SCALES.scaledPrice(new BigDecimal(decimal));
  }

  private long quantity(String decimal) {
    return SCALES.scaledQuantity(new BigDecimal(decimal));
  }

  @Test
  void bidsAreListedFromTheHighestPriceAndAsksFromTheLowest() {
    for (String bid : List.of("99.50", "100.00", "98.00")) book.apply(BookSide.BID, price(bid), quantity("1"));
    for (String ask : List.of("101.00", "100.50", "103.00")) book.apply(BookSide.ASK, price(ask), quantity("2"));

    assertThat(ReferenceBook.ladder(book, BookSide.BID)).extracting(level -> level.get(0))
        .containsExactly(price("100.00"), price("99.50"), price("98.00"));
    assertThat(ReferenceBook.ladder(book, BookSide.ASK)).extracting(level -> level.get(0))
        .containsExactly(price("100.50"), price("101.00"), price("103.00"));
    assertThat(book.bestBid()).isEqualTo(price("100.00"));
    assertThat(book.bestAsk()).isEqualTo(price("100.50"));
  }

  @Test
  void anUpdateReplacesTheQuantityAtItsPriceAndZeroRemovesTheLevel() {
    book.apply(BookSide.BID, price("100.00"), quantity("1.5"));
    book.apply(BookSide.BID, price("99.00"), quantity("3"));

    book.apply(BookSide.BID, price("100.00"), quantity("0.25"));
    assertThat(book.quantityAt(BookSide.BID, price("100.00"))).isEqualTo(quantity("0.25"));
    assertThat(book.depth(BookSide.BID)).isEqualTo(2);

    book.apply(BookSide.BID, price("100.00"), 0);
    assertThat(book.depth(BookSide.BID)).isEqualTo(1);
    assertThat(book.bestBid()).isEqualTo(price("99.00"));
    assertThat(book.quantityAt(BookSide.BID, price("100.00"))).isZero();
  }

  @Test
  void removingALevelThatIsNotThereChangesNothing() {
    book.apply(BookSide.ASK, price("101.00"), quantity("1"));

    book.apply(BookSide.ASK, price("250.00"), 0);

    assertThat(ReferenceBook.ladder(book, BookSide.ASK)).containsExactly(List.of(price("101.00"), quantity("1")));
  }

  @Test
  void theBookIsCrossedWhenTheBestBidReachesTheBestAsk() {
    book.apply(BookSide.BID, price("100.00"), quantity("1"));
    book.apply(BookSide.ASK, price("100.01"), quantity("1"));
    assertThat(book.isCrossed()).isFalse();

    book.apply(BookSide.BID, price("100.01"), quantity("1"));
    assertThat(book.isCrossed()).as("locked").isTrue();

    book.apply(BookSide.BID, price("100.01"), 0);
    book.apply(BookSide.BID, price("100.02"), quantity("1"));
    assertThat(book.isCrossed()).as("crossed").isTrue();
  }

  @Test
  void aOneSidedOrEmptyBookIsNeitherCrossedNorHasATop() {
    assertThat(book.isCrossed()).isFalse();
    assertThat(book.top()).isEmpty();

    book.apply(BookSide.BID, price("100.00"), quantity("1"));

    assertThat(book.isCrossed()).isFalse();
    assertThat(book.top()).isEmpty();
  }

  @Test
  void theTopIsTheBestLevelOfEachSideInDecimals() {
    book.apply(BookSide.BID, price("100.00"), quantity("1.5"));
    book.apply(BookSide.BID, price("99.00"), quantity("7"));
    book.apply(BookSide.ASK, price("100.25"), quantity("0.00000001"));

    TopOfBook top = book.top().orElseThrow();

    assertThat(top.bidPrice()).isEqualByComparingTo("100.00");
    assertThat(top.bidQuantity()).isEqualByComparingTo("1.5");
    assertThat(top.askPrice()).isEqualByComparingTo("100.25");
    assertThat(top.askQuantity()).isEqualByComparingTo("0.00000001");
    assertThat(top.spread()).isEqualByComparingTo("0.25");
  }

  @Test
  void cumulativeQuantityAddsTheBestLevelsAndStopsAtTheSidesDepth() {
    book.apply(BookSide.ASK, price("101"), quantity("1"));
    book.apply(BookSide.ASK, price("102"), quantity("2"));
    book.apply(BookSide.ASK, price("103"), quantity("4"));

    assertThat(book.cumulativeQuantity(BookSide.ASK, 2)).isEqualTo(quantity("3"));
    assertThat(book.cumulativeQuantity(BookSide.ASK, 10)).isEqualTo(quantity("7"));
    assertThat(book.cumulativeQuantity(BookSide.BID, 10)).isZero();
  }

  @Test
  void theBookGrowsPastItsInitialCapacity() {
    for (int i = 1; i <= 5_000; i++) book.apply(BookSide.BID, i, i);

    assertThat(book.depth(BookSide.BID)).isEqualTo(5_000);
    assertThat(book.bestBid()).isEqualTo(5_000);
    assertThat(book.price(BookSide.BID, 4_999)).isEqualTo(1);
  }

  @Test
  void levelsThatDoNotExistAndInvalidUpdatesAreRefused() {
    book.apply(BookSide.BID, price("100"), quantity("1"));

    assertThatThrownBy(() -> book.price(BookSide.BID, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> book.bestAsk()).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatIllegalArgumentException().isThrownBy(() -> book.apply(BookSide.BID, 0, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> book.apply(BookSide.ASK, -5, 1));
    assertThatIllegalArgumentException().isThrownBy(() -> book.apply(BookSide.ASK, 5, -1));
  }
}
