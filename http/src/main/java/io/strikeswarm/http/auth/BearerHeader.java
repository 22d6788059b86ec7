package io.strikeswarm.http.auth;

/** Takes the credential out of an {@code Authorization} header, if it is a bearer credential at all (RFC 6750). */
final class BearerHeader {
  private static final String SCHEME = "Bearer";

  private BearerHeader() {}

  /**
   * The credential after {@code Bearer}, stripped: empty if there is none. Null when the header carries no bearer
   * credentials: absent, blank, or another scheme (the scheme name is case-insensitive, RFC 9110 §11.1).
   */
  static String credential(String header) {
    if (header == null) return null;
    String value = header.strip();
    int end = 0;
    while (end < value.length() && !Character.isWhitespace(value.charAt(end))) end++;
    if (end != SCHEME.length() || !value.regionMatches(true, 0, SCHEME, 0, end)) return null;
    return value.substring(end).strip();
  }

  /**
   * Whether a credential has the token68 shape RFC 6750 allows: {@code A-Z a-z 0-9 - . _ ~ + /}, then any {@code =}
   * padding. Anything else (spaces, quotes, control characters) is refused before it reaches a parser or a log.
   */
  static boolean isToken68(String credential) {
    int i = 0;
    int n = credential.length();
    while (i < n && isToken68Char(credential.charAt(i))) i++;
    if (i == 0) return false;
    while (i < n && credential.charAt(i) == '=') i++;
    return i == n;
  }

  /** Three dot-separated parts: the compact JWS form. Our opaque tokens never contain a dot. */
  static boolean looksLikeJwt(String credential) {
    int first = credential.indexOf('.');
    if (first < 0) return false;
    int second = credential.indexOf('.', first + 1);
    return second > 0 && credential.indexOf('.', second + 1) < 0;
  }

  private static boolean isToken68Char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
  }
}
