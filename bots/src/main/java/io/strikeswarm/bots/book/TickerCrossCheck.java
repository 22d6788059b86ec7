package io.strikeswarm.bots.book;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rebuilt book against the exchange's bookTicker stream. The two streams share update ids but are separate
 * connections, and a diff covers ~100 ms of updates while a ticker reports one update, so they only describe the same
 * state when a ticker's id is exactly the final id of an applied diff: there the best prices and quantities must be
 * equal. Tickers at other ids are not comparable and are not counted. Either side may come first in a capture, so
 * recent tickers and recent book tops are both kept for a while.
 */
public final class TickerCrossCheck {
  private static final int KEPT_DISAGREEMENTS = 20;
  private static final int RECENT_TOPS = 32;
  private static final int MAX_WAITING_TICKERS = 8_192;

  private final ArrayDeque<BookTicker> waitingTickers = new ArrayDeque<>();
  // Ring of the book's top at the final id of recently applied diffs, for tickers that arrive after their diff.
  private final long[] topIds = new long[RECENT_TOPS];
  private final long[][] tops = new long[RECENT_TOPS][4];
  private int topCount;
  private int nextTop;
  private long lastBookId = -1;
  private long compared;
  private long agreed;
  private final List<TickerAgreement.TickerDisagreement> disagreements = new ArrayList<>();

  /** Records the book as it stands right after a diff ending at {@code updateId} was applied. */
  public void onBookAt(long updateId, OrderBookView book) {
    if (book.isEmpty(BookSide.BID) || book.isEmpty(BookSide.ASK)) return;
    long[] top = tops[nextTop];
    top[0] = book.bestBid();
    top[1] = book.quantity(BookSide.BID, 0);
    top[2] = book.bestAsk();
    top[3] = book.quantity(BookSide.ASK, 0);
    topIds[nextTop] = updateId;
    nextTop = (nextTop + 1) % RECENT_TOPS;
    topCount = Math.min(topCount + 1, RECENT_TOPS);
    lastBookId = updateId;
    while (!waitingTickers.isEmpty() && waitingTickers.peekFirst().updateId() <= updateId) {
      BookTicker ticker = waitingTickers.removeFirst();
      if (ticker.updateId() == updateId) compare(ticker, top);
    }
  }

  public void onTicker(BookTicker ticker) {
    if (ticker.updateId() > lastBookId) {
      if (waitingTickers.size() == MAX_WAITING_TICKERS) waitingTickers.removeFirst();
      waitingTickers.addLast(ticker);
      return;
    }
    for (int i = 0; i < topCount; i++) {
      if (topIds[i] == ticker.updateId()) {
        compare(ticker, tops[i]);
        return;
      }
    }
  }

  private void compare(BookTicker ticker, long[] top) {
    compared++;
    if (ticker.bidPrice() == top[0] && ticker.bidQuantity() == top[1] && ticker.askPrice() == top[2]
        && ticker.askQuantity() == top[3]) {
      agreed++;
    } else if (disagreements.size() < KEPT_DISAGREEMENTS) {
      disagreements.add(new TickerAgreement.TickerDisagreement(ticker, top[0], top[1], top[2], top[3]));
    }
  }

  public TickerAgreement result() {
    return new TickerAgreement(compared, agreed, disagreements);
  }
}
