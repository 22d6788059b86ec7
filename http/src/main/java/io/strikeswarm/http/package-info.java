/** The operator's surface: HTTP control API, auth, audit trail, read views, server-sent events, dashboard. */
package io.strikeswarm.http;
