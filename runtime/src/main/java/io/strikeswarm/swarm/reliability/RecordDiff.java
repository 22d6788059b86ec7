package io.strikeswarm.swarm.reliability;

import java.lang.reflect.RecordComponent;
import java.util.Objects;

/** Names the first component in which two records of one type differ, so a mismatch report is readable. */
final class RecordDiff {
  private RecordDiff() {}

  static String first(Record a, Record b) {
    if (a == null || b == null || a.getClass() != b.getClass()) return a + " vs " + b;
    for (RecordComponent c : a.getClass().getRecordComponents()) {
      try {
        Object x = c.getAccessor().invoke(a);
        Object y = c.getAccessor().invoke(b);
        if (!Objects.equals(x, y)) return c.getName() + ": " + x + " vs " + y;
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + a.getClass().getSimpleName(), e);
      }
    }
    return "equal";
  }
}
