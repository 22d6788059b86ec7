package io.strikeswarm.swarm.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tax view of the audit ledger: first in, first out, per bot and instrument. Each bot trades from its own
 * isolated book, so its lots are its own. A fill that reduces a position closes the oldest lots first; the rest of it
 * opens a lot the other way. Every amount is split exactly: what a part of a lot or of a fee gets is rounded to
 * 10^-8, and the last part gets what is left, so the lines of a position add up to its fills to the unit.
 */
public final class FifoTaxLots {
  private static final int SCALE = 8;

  private FifoTaxLots() {}

  /** {@code lines} in ledger order (time, bot, journal order). Open lots at the end are not realized: not listed. */
  public static List<TaxLine> realized(List<LedgerLine> lines) {
    Map<String, Deque<Lot>> books = new HashMap<>();
    List<TaxLine> out = new ArrayList<>();
    for (LedgerLine fill : lines) {
      Deque<Lot> lots = books.computeIfAbsent(fill.botId() + "\u0000" + fill.instrument(), k -> new ArrayDeque<>());
      int sign = fill.side().equals("buy") ? 1 : -1;
      BigDecimal left = fill.quantity();
      BigDecimal notionalLeft = fill.quantity().multiply(fill.price()).setScale(SCALE, RoundingMode.HALF_EVEN);
      BigDecimal feeLeft = fill.fee();
      while (left.signum() > 0 && !lots.isEmpty() && lots.peekFirst().sign != sign) {
        Lot lot = lots.peekFirst();
        BigDecimal q = left.min(lot.quantity);
        BigDecimal notional = share(notionalLeft, q, left);
        BigDecimal fee = share(feeLeft, q, left);
        BigDecimal lotPart = share(lot.amount, q, lot.quantity);
        // A long lot's amount is what it cost (fees in); a short lot's is what its sale brought (fees out).
        BigDecimal proceeds = lot.sign > 0 ? notional.subtract(fee) : lotPart;
        BigDecimal basis = lot.sign > 0 ? lotPart : notional.add(fee);
        out.add(new TaxLine(fill.botId(), fill.instrument(), lot.sign > 0 ? "long" : "short", q, lot.openedMs,
            fill.timeMs(), proceeds, basis, proceeds.subtract(basis), lot.orderId, fill.orderId()));
        left = left.subtract(q);
        notionalLeft = notionalLeft.subtract(notional);
        feeLeft = feeLeft.subtract(fee);
        lot.quantity = lot.quantity.subtract(q);
        lot.amount = lot.amount.subtract(lotPart);
        if (lot.quantity.signum() == 0) lots.removeFirst();
      }
      if (left.signum() > 0) {
        BigDecimal amount = sign > 0 ? notionalLeft.add(feeLeft) : notionalLeft.subtract(feeLeft);
        lots.addLast(new Lot(sign, left, amount, fill.timeMs(), fill.orderId()));
      }
    }
    return out;
  }

  /** {@code part} / {@code whole} of {@code amount}; all of what is left when the part is the whole. */
  private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
    if (part.compareTo(whole) == 0) return amount;
    return amount.multiply(part).divide(whole, SCALE, RoundingMode.HALF_EVEN);
  }

  private static final class Lot {
    final int sign;
    BigDecimal quantity;
    BigDecimal amount;
    final long openedMs;
    final String orderId;

    Lot(int sign, BigDecimal quantity, BigDecimal amount, long openedMs, String orderId) {
      this.sign = sign;
      this.quantity = quantity;
      this.amount = amount;
      this.openedMs = openedMs;
      this.orderId = orderId;
    }
  }
}
