package io.strikeswarm.swarm.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the crash trials did and found. {@link #passed()} only when every kill left a journal with nothing lost and
 * nothing twice, every recovered bot equalled its replay, the books balanced, and the finished run's ledger and bot
 * journals equal the uninterrupted run's.
 */
public record CrashReport(long seed, int killsPlanned, List<Trial> trials, JournalAudit.Findings reference,
    JournalAudit.Findings last, RecoveryCheck.Result lastRecovery, List<String> lastBooks, boolean ledgerIdentical,
    int trades, int bots, List<String> journalDifferences, List<String> runFailures, Path work) {

  public CrashReport {
    trials = List.copyOf(trials);
    lastBooks = List.copyOf(lastBooks);
    journalDifferences = List.copyOf(journalDifferences);
    runFailures = List.copyOf(runFailures);
  }

  /** One kill and the checks after it. */
  /**
   * @param leftovers rows only an uncommitted read sees, left by the killed process (see
   *     {@link JournalReader#uncommitted}): their journals cannot write that sequence number again
   */
  public record Trial(int index, KillPlan.Point point, boolean killed, int exitCode, boolean servedBeforeKill,
      long barTimesDone, int barsAcknowledged, JournalAudit.Findings findings, RecoveryCheck.Result recovery,
      List<String> books, List<String> leftovers) {
    public Trial {
      books = List.copyOf(books);
      leftovers = List.copyOf(leftovers);
    }

    public boolean passed() {
      return (killed || exitCode == 0) && findings.clean() && recovery.mismatches().isEmpty() && books.isEmpty()
          && leftovers.isEmpty();
    }

    String describe() {
      String what = killed ? "SIGKILL (exit " + exitCode + ") " + point.describe()
          + (point.phase() == KillPlan.Phase.STARTING ? (servedBeforeKill ? " (API already up)" : " (before the API)")
              : ", at bar time " + barTimesDone)
          : exitCode == 0 ? "ran to the end before its kill" : "stopped by itself before its kill, exit " + exitCode
              + " (its log says why)";
      return String.format("trial %2d: %s; journal: %d events in %d journals, lost %d, twice %d, uncommitted rows "
              + "left %d; %d bots recovered, %d differ from replay; %d books unbalanced%s", index, what,
          findings.events(), findings.persistenceIds(), findings.lost().size(), findings.twice().size(),
          leftovers.size(), recovery.bots(), recovery.mismatches().size(), books.size(),
          passed() ? "" : " -- FAILED: " + problems());
    }

    List<String> problems() {
      List<String> all = new ArrayList<>();
      if (!killed && exitCode != 0) all.add("the swarm stopped by itself with exit " + exitCode);
      all.addAll(findings.lost());
      all.addAll(findings.twice());
      all.addAll(recovery.mismatches());
      all.addAll(books);
      leftovers.forEach(l -> all.add("uncommitted row left by the killed process, locked for good: " + l));
      return all;
    }
  }

  public int kills() {
    return (int) trials.stream().filter(Trial::killed).count();
  }

  public long killsWhileStarting() {
    return trials.stream().filter(t -> t.killed() && t.point().phase() == KillPlan.Phase.STARTING).count();
  }

  public long lost() {
    return trials.stream().mapToLong(t -> t.findings().lost().size()).sum() + last.lost().size()
        + reference.lost().size();
  }

  public long twice() {
    return trials.stream().mapToLong(t -> t.findings().twice().size()).sum() + last.twice().size()
        + reference.twice().size();
  }

  public long recoveryMismatches() {
    return trials.stream().mapToLong(t -> t.recovery().mismatches().size()).sum() + lastRecovery.mismatches().size();
  }

  public long botsRecovered() {
    return trials.stream().mapToLong(t -> t.recovery().bots()).sum() + lastRecovery.bots();
  }

  public long eventsAudited() {
    return trials.stream().mapToLong(t -> t.findings().events()).sum() + last.events();
  }

  /** Rows a killed process left uncommitted that stayed behind after the database was opened again. */
  public long leftovers() {
    return trials.stream().mapToLong(t -> t.leftovers().size()).sum();
  }

  public long unbalancedBooks() {
    return trials.stream().mapToLong(t -> t.books().size()).sum() + lastBooks.size();
  }

  public boolean passed() {
    return trials.stream().allMatch(Trial::passed) && reference.clean() && last.clean()
        && lastRecovery.mismatches().isEmpty() && lastBooks.isEmpty() && ledgerIdentical
        && journalDifferences.isEmpty() && runFailures.isEmpty();
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(String.format("crash trials (seed %d): %d kills (SIGKILL) of %d planned, %d of them while starting%n",
        seed, kills(), killsPlanned, killsWhileStarting()));
    out.append(String.format("  journals audited after every kill and at the end: %,d events; lost %d, twice %d "
        + "(orders placed %,d, filled %,d, cancelled %,d in the final journal)%n", eventsAudited(), lost(), twice(),
        last.orders(), last.fills(), last.cancels()));
    out.append(String.format("  uncommitted rows a killed process left in the journal (locked for good): %d%n",
        leftovers()));
    out.append(String.format("  bots recovered from snapshot + events and compared with a full replay: %,d, "
        + "differing %d; books unbalanced: %d%n", botsRecovered(), recoveryMismatches(), unbalancedBooks()));
    out.append(String.format("  final ledger vs an uninterrupted run: %s (%,d trades); bot journals equal event for "
        + "event: %d of %d%n", ledgerIdentical ? "byte-identical" : "DIFFERENT", trades,
        bots - journalDifferences.size(), bots));
    journalDifferences.stream().limit(5).forEach(d -> out.append("    ").append(d).append('\n'));
    runFailures.forEach(f -> out.append("  ").append(f).append('\n'));
    List<String> problems = new ArrayList<>(reference.lost());
    problems.addAll(reference.twice());
    problems.addAll(last.lost());
    problems.addAll(last.twice());
    problems.addAll(lastRecovery.mismatches());
    problems.addAll(lastBooks);
    problems.stream().limit(10).forEach(p -> out.append("    ").append(p).append('\n'));
    out.append("  result: ").append(passed() ? "PASSED" : "FAILED").append(" (logs, journals and ledgers in ")
        .append(work).append(")\n");
    return out.toString();
  }
}
