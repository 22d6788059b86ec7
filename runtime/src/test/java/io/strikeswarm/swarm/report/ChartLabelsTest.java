package io.strikeswarm.swarm.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.strikeswarm.swarm.report.LineChart.AxisLabel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartLabelsTest {

  @ParameterizedTest(name = "{0} every {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "100000  | 5000   | 100k",
      "102500  | 500    | 102.5k",
      "1200000 | 100000 | 1.2M",
      "150     | 50     | 150",
      "0       | 2000   | 0k",
      "-20000  | 10000  | -20k"})
  void moneyTicksAreCompactWithOneUnitPerAxisAndJustEnoughDecimals(double value, double step, String label) {
    assertThat(AxisLabel.money(value, step)).isEqualTo(label);
  }

  @ParameterizedTest(name = "{0} every {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "-10    | 10   | -10 %",
      "-0.05  | 0.05 | -0.05 %",
      "1.5    | 0.5  | 1.5 %"})
  void percentTicksShowAsManyDecimalsAsTheStepNeeds(double value, double step, String label) {
    assertThat(AxisLabel.percent(value, step)).isEqualTo(label);
  }

  @ParameterizedTest(name = "range {0} -> step {1}")
  @CsvSource({"50099, 20000", "8, 2", "0.25, 0.05", "1, 0.2", "3, 1"})
  void gridStepsAreOneTwoOrFiveTimesAPowerOfTen(double range, double step) {
    assertThat(Svg.niceStep(range, 5)).isCloseTo(step, within(1e-12));
  }
}
