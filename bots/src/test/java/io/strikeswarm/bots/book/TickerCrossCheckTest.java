package io.strikeswarm.bots.book;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickerCrossCheckTest {
  private final TickerCrossCheck check = new TickerCrossCheck();
  private final L2Book book = new L2Book(new FixedPointScales(2, 8));

  private void bookTop(long bid, long bidQuantity, long ask, long askQuantity) {
    book.clear();
    book.apply(BookSide.BID, bid, bidQuantity);
    book.apply(BookSide.BID, bid - 5, 99);
    book.apply(BookSide.ASK, ask, askQuantity);
  }

  @Test
  void aTickerArrivingBeforeTheDiffWithItsIdIsComparedWhenTheDiffIsApplied() {
    check.onTicker(new BookTicker(105, 100, 1, 101, 2));
    bookTop(100, 1, 101, 2);

    check.onBookAt(105, book);

    assertThat(check.result().compared()).isEqualTo(1);
    assertThat(check.result().agreed()).isEqualTo(1);
  }

  @Test
  void aTickerArrivingAfterTheDiffWithItsIdIsComparedWithTheBookAsItWasAtThatDiff() {
    bookTop(100, 1, 101, 2);
    check.onBookAt(105, book);
    bookTop(90, 1, 91, 2);
    check.onBookAt(110, book);

    check.onTicker(new BookTicker(105, 100, 1, 101, 2));

    assertThat(check.result().compared()).isEqualTo(1);
    assertThat(check.result().agreed()).isEqualTo(1);
  }

  @Test
  void tickersAtIdsNoDiffEndsAtAreNotComparable() {
    check.onTicker(new BookTicker(103, 1, 1, 2, 2));
    bookTop(100, 1, 101, 2);
    check.onBookAt(105, book);
    check.onTicker(new BookTicker(104, 1, 1, 2, 2));
    check.onTicker(new BookTicker(107, 1, 1, 2, 2));
    check.onBookAt(110, book);

    assertThat(check.result().compared()).isZero();
  }

  @Test
  void aDifferentPriceOrQuantityAtTheSameIdIsADisagreementKeptForTheReport() {
    bookTop(100, 1, 101, 2);
    check.onBookAt(105, book);
    check.onBookAt(106, book);

    check.onTicker(new BookTicker(105, 100, 1, 101, 3));
    check.onTicker(new BookTicker(106, 99, 1, 101, 2));

    TickerAgreement result = check.result();
    assertThat(result.compared()).isEqualTo(2);
    assertThat(result.disagreed()).isEqualTo(2);
    assertThat(result.firstDisagreements()).extracting(d -> d.ticker().updateId()).containsExactly(105L, 106L);
    assertThat(result.firstDisagreements().get(0).bookAskQuantity()).isEqualTo(2);
  }

  @Test
  void aOneSidedBookIsNotCompared() {
    book.apply(BookSide.BID, 100, 1);
    check.onTicker(new BookTicker(105, 100, 1, 101, 2));

    check.onBookAt(105, book);

    assertThat(check.result().compared()).isZero();
  }
}
