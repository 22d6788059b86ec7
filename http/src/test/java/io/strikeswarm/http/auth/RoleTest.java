package io.strikeswarm.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A role")
class RoleTest {

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource({
      "VIEWER,   VIEWER,   true",
      "VIEWER,   OPERATOR, false",
      "VIEWER,   ADMIN,    false",
      "OPERATOR, VIEWER,   true",
      "OPERATOR, OPERATOR, true",
      "OPERATOR, ADMIN,    false",
      "ADMIN,    VIEWER,   true",
      "ADMIN,    OPERATOR, true",
      "ADMIN,    ADMIN,    true"})
  @DisplayName("allows what it or any lesser role may do, and nothing more")
  void allowsItselfAndLesserRoles(Role held, Role required, boolean allowed) {
    assertThat(held.allows(required)).isEqualTo(allowed);
  }

  @Test
  @DisplayName("is spelled in lower case in configuration, and parses back from that spelling")
  void parsesItsConfigName() {
    assertThat(Role.parse("viewer")).isEqualTo(Role.VIEWER);
    assertThat(Role.parse("operator")).isEqualTo(Role.OPERATOR);
    assertThat(Role.parse("admin")).isEqualTo(Role.ADMIN);
    for (Role role : Role.values()) assertThat(Role.parse(role.configName())).isEqualTo(role);
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"root", "Admin", "ADMIN", " admin", ""})
  @DisplayName("is refused in any other spelling, with the allowed ones and what was found")
  void refusesOtherSpellings(String text) {
    assertThatThrownBy(() -> Role.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("must be viewer, operator or admin, got '" + text + "'");
  }

  @Test
  @DisplayName("refused when missing says so rather than failing on null")
  void refusesNull() {
    assertThatThrownBy(() -> Role.parse(null)).hasMessage("must be viewer, operator or admin, got nothing");
  }
}
