package io.strikeswarm.swarm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

  @Property(tries = 300)
  void keepsAtMostMaxPointsInOrderWithTheEndsTheLowestAndTheHighest(
      @ForAll @Size(min = 1, max = 3000) double @DoubleRange(min = -1e6, max = 1e6) [] values,
      @ForAll @IntRange(min = 4, max = 500) int maxPoints) {
    int[] kept = Downsampler.indices(values, maxPoints);

    assertThat(kept.length).isLessThanOrEqualTo(maxPoints);
    assertThat(kept).isSorted().doesNotHaveDuplicates();
    assertThat(kept[0]).isZero();
    assertThat(kept[kept.length - 1]).isEqualTo(values.length - 1);
    double[] keptValues = Arrays.stream(kept).mapToDouble(i -> values[i]).toArray();
    assertThat(Arrays.stream(keptValues).min().orElseThrow()).isEqualTo(Arrays.stream(values).min().orElseThrow());
    assertThat(Arrays.stream(keptValues).max().orElseThrow()).isEqualTo(Arrays.stream(values).max().orElseThrow());
  }

  @Test
  void aSeriesThatFitsIsKeptWhole() {
    assertThat(Downsampler.indices(new double[] {3, 1, 2}, 2000)).containsExactly(0, 1, 2);
  }

  @Test
  void aSpikeBetweenSamplesIsNotLost() {
    double[] values = new double[100_000];
    values[54_321] = -40;

    assertThat(Downsampler.indices(values, 2000)).contains(54_321);
  }

  @Test
  void tooFewPointsToKeepBothEndsAndABucketIsRefused() {
    assertThatThrownBy(() -> Downsampler.indices(new double[10], 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
  }
}
