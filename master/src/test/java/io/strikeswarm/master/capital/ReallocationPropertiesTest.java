package io.strikeswarm.master.capital;

import static org.assertj.core.api.Assertions.assertThat;

import io.strikeswarm.bots.domain.Money;
import io.strikeswarm.master.support.SwarmTestKit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pure part of an operator's re-allocation over random plans, random new weights and reserves, and random
 * give-backs: every ledger the master persists on the way balances, nothing is funded beyond its target, and when
 * every diamond gives back all it was asked the books land exactly on target. Two re-allocations run back to back,
 * so the second starts from books a short first one left (funding off target, fractions of a cent).
 *
 * <p>(Named {@code *Test} so that Surefire's default includes pick it up.)
 */
class ReallocationPropertiesTest {

  /** A plan and the operator's weights (basis points) and reserve; each diamond returns this percent of its ask. */
  record Change(int longBp, int shortBp, int reserveBp, int returnPercent, long returnOddUnits) {}

  @Property(tries = 1000)
  @Label("every persisted step of a re-allocation keeps reserve + unallocated + Σ funding == total")
  void booksBalanceAtEveryStep(@ForAll("plans") SwarmConfig plan, @ForAll("changes") List<Change> changes) {
    MasterLedger books = MasterLedger.initial(plan);
    SwarmConfig config = plan;
    for (Change change : changes) {
      config = AllocationPlan.reallocated(config, weights(change), BigDecimal.valueOf(change.reserveBp(), 4));
      MasterLedger target = AllocationPlan.target(config);
      assertThat(target.balances()).isTrue();
      Reallocation r = Reallocation.start(1, books, target);

      MasterLedger step = books;
      boolean everythingBack = true;
      for (Map.Entry<DiamondKind, BigDecimal> ask : r.asked().entrySet()) {
        assertThat(ask.getValue()).isPositive().isLessThanOrEqualTo(step.funding().get(ask.getKey()));
        BigDecimal returned = returned(ask.getValue(), change);
        everythingBack &= returned.compareTo(ask.getValue()) == 0;
        step = step.returned(ask.getKey(), returned);
        r = r.withReturn(ask.getKey(), returned);
        assertThat(step.balances()).as("after %s returned %s", ask.getKey(), returned).isTrue();
        assertThat(step.total()).isEqualTo(books.total());
      }
      MasterLedger settled = AllocationPlan.settle(step, target);

      assertThat(settled.balances()).as("settled %s from %s toward %s", settled, step, target).isTrue();
      assertThat(settled.total()).isEqualTo(books.total());
      assertThat(settled.reserve()).isLessThanOrEqualTo(target.reserve());
      boolean increasesShort = false;
      for (DiamondKind kind : DiamondKind.values()) {
        BigDecimal before = step.funding().get(kind);
        BigDecimal after = settled.funding().get(kind);
        BigDecimal goal = target.funding().get(kind);
        if (r.asked().containsKey(kind)) {
          assertThat(after).as("%s gave back: settling moves it no further", kind).isEqualTo(before);
          assertThat(after).isGreaterThanOrEqualTo(goal);
        } else {
          assertThat(after).as("%s grows toward its target, never past it", kind)
              .isGreaterThanOrEqualTo(before).isLessThanOrEqualTo(goal.max(before));
          increasesShort |= after.compareTo(goal.max(before)) < 0;
        }
      }
      if (settled.reserve().compareTo(target.reserve()) < 0) {
        assertThat(settled.deployed()).as("a short reserve is served before any increase")
            .isEqualTo(step.deployed());
        assertThat(settled.unallocated()).isEqualTo(Money.ZERO);
      }
      if (increasesShort) {
        assertThat(settled.unallocated()).as("an increase is only cut when the master has no whole cents left to give")
            .isLessThan(new BigDecimal("0.01").multiply(BigDecimal.valueOf(DiamondKind.values().length)));
      }
      if (everythingBack) assertThat(settled).as("everything came back: on target").isEqualTo(target);
      AllocationResult result = AllocationPlan.result(r, settled);
      assertThat(result.complete()).isEqualTo(settled.equals(target) || sameFigures(settled, target));
      assertThat(result.shortfalls().isEmpty()).isEqualTo(result.complete());
      books = settled;
    }
  }

  @Property(tries = 1000)
  @Label("a release plan never asks a bot for more than it can free, frees all it can up to the need, and is fair")
  void releasePlan(@ForAll("holdings") List<ReleasePlan.Holding> bots, @ForAll("cents") long needCents) {
    BigDecimal need = BigDecimal.valueOf(needCents, 2);

    Map<String, BigDecimal> plan = ReleasePlan.plan(need, bots);

    BigDecimal capacity = BigDecimal.ZERO;
    Map<String, ReleasePlan.Holding> byId = new java.util.TreeMap<>();
    for (ReleasePlan.Holding h : bots) {
      byId.put(h.botId(), h);
      if (h.allocation().signum() > 0) capacity = capacity.add(h.releasable().setScale(2, RoundingMode.DOWN));
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, BigDecimal> e : plan.entrySet()) {
      ReleasePlan.Holding h = byId.get(e.getKey());
      BigDecimal amount = e.getValue();
      assertThat(amount.scale()).isEqualTo(Money.SCALE);
      assertThat(amount.stripTrailingZeros().scale()).as("whole cents").isLessThanOrEqualTo(2);
      assertThat(amount).isPositive().isLessThanOrEqualTo(h.releasable());
      assertThat(h.allocation()).as("only bots holding an allocation give").isPositive();
      total = total.add(amount);
    }
    assertThat(total).isEqualByComparingTo(need.min(capacity));
    // Fair: every bot gives at most its share at one common level (to the cent), and a bot that could give more
    // gives at least its share; so a bot below its cap never gives less, for its allocation, than another, give or
    // take a cent on each side.
    for (ReleasePlan.Holding a : bots) {
      BigDecimal givenA = plan.getOrDefault(a.botId(), BigDecimal.ZERO);
      if (a.allocation().signum() <= 0) continue;
      if (givenA.compareTo(a.releasable().setScale(2, RoundingMode.DOWN)) >= 0) continue;
      for (ReleasePlan.Holding b : bots) {
        if (b.allocation().signum() <= 0) continue;
        BigDecimal givenB = plan.getOrDefault(b.botId(), BigDecimal.ZERO);
        // (givenA + 0.01) / allocationA >= (givenB - 0.01) / allocationB, without dividing
        assertThat(givenA.add(new BigDecimal("0.01")).multiply(b.allocation()))
            .as("%s below its cap gave %s, %s gave %s", a, givenA, b, givenB)
            .isGreaterThanOrEqualTo(givenB.subtract(new BigDecimal("0.01")).multiply(a.allocation()));
      }
    }
  }

  // ---- generators --------------------------------------------------------------------------------------------

  @Provide
  Arbitrary<SwarmConfig> plans() {
    Arbitrary<Long> totalCents = Arbitraries.longs().between(1, 10_000_000_000L);
    Arbitrary<Integer> reserveBp = Arbitraries.integers().between(0, 9999);
    Arbitrary<Integer> longBp = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Integer> shortShare = Arbitraries.integers().between(0, 100);
    Arbitrary<Integer> bots = Arbitraries.integers().between(0, 3);
    return Combinators.combine(totalCents, reserveBp, longBp, shortShare, bots, bots, bots)
        .as((total, reserve, l, s, longBots, shortBots, ammBots) -> {
          int shortBp = (10_000 - l) * s / 100;
          return SwarmTestKit.swarm(BigDecimal.valueOf(total, 2).toPlainString(),
              BigDecimal.valueOf(reserve, 4).toPlainString(), BigDecimal.valueOf(l, 4).toPlainString(),
              BigDecimal.valueOf(shortBp, 4).toPlainString(),
              BigDecimal.valueOf(10_000 - l - shortBp, 4).toPlainString(), longBots, shortBots, ammBots);
        });
  }

  @Provide
  Arbitrary<List<Change>> changes() {
    Arbitrary<Integer> longBp = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Integer> shortShare = Arbitraries.integers().between(0, 10_000);
    Arbitrary<Integer> reserveBp = Arbitraries.integers().between(0, 9999);
    Arbitrary<Integer> returnPercent = Arbitraries.oneOf(Arbitraries.just(100), Arbitraries.just(0),
        Arbitraries.integers().between(0, 100));
    Arbitrary<Long> odd = Arbitraries.longs().between(0, 99_999_999);
    return Combinators.combine(longBp, shortShare, reserveBp, returnPercent, odd)
        .as((l, s, r, p, o) -> new Change(l, (int) ((10_000L - l) * s / 10_000), r, p, o))
        .list().ofMinSize(1).ofMaxSize(2);
  }

  @Provide
  Arbitrary<List<ReleasePlan.Holding>> holdings() {
    Arbitrary<BigDecimal> allocation = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
        Arbitraries.longs().between(1, 1_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)),
        Arbitraries.longs().between(1, 100_000_000_000L).map(u -> BigDecimal.valueOf(u, Money.SCALE)));
    Arbitrary<BigDecimal> releasable = Arbitraries.oneOf(Arbitraries.just(BigDecimal.ZERO),
        Arbitraries.longs().between(0, 1_000_000_000L).map(c -> BigDecimal.valueOf(c, 2)),
        Arbitraries.longs().between(0, 100_000_000_000L).map(u -> BigDecimal.valueOf(u, Money.SCALE)));
    return Combinators.combine(allocation, releasable).as((a, r) -> new BigDecimal[] {a, r}).list().ofMaxSize(8)
        .map(pairs -> {
          List<ReleasePlan.Holding> bots = new ArrayList<>();
          for (int i = 0; i < pairs.size(); i++) {
            bots.add(new ReleasePlan.Holding(String.format("long-%02d", i + 1), Money.normalize(pairs.get(i)[0]),
                Money.normalize(pairs.get(i)[1])));
          }
          return bots;
        });
  }

  @Provide
  Arbitrary<Long> cents() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 100), Arbitraries.longs().between(0, 3_000_000_000L));
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private static Map<DiamondKind, BigDecimal> weights(Change c) {
    Map<DiamondKind, BigDecimal> w = new EnumMap<>(DiamondKind.class);
    w.put(DiamondKind.LONG_STRIKE, BigDecimal.valueOf(c.longBp(), 4));
    w.put(DiamondKind.SHORT_STRIKE, BigDecimal.valueOf(c.shortBp(), 4));
    w.put(DiamondKind.AMM, BigDecimal.valueOf(10_000 - c.longBp() - c.shortBp(), 4));
    return w;
  }

  /** A percent of the ask, sometimes with stray fractions of a cent (P&amp;L), never more than the ask. */
  private static BigDecimal returned(BigDecimal asked, Change c) {
    if (c.returnPercent() == 100) return asked;
    BigDecimal part = asked.multiply(BigDecimal.valueOf(c.returnPercent(), 2))
        .add(BigDecimal.valueOf(c.returnOddUnits(), Money.SCALE));
    return Money.normalize(part.min(asked));
  }

  private static boolean sameFigures(MasterLedger a, MasterLedger b) {
    if (a.reserve().compareTo(b.reserve()) != 0) return false;
    for (DiamondKind k : DiamondKind.values()) {
      if (a.funding().get(k).compareTo(b.funding().get(k)) != 0) return false;
    }
    return true;
  }
}
