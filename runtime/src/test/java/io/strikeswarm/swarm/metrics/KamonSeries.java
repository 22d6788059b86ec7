package io.strikeswarm.swarm.metrics;

import java.util.Set;

/**
 * Kamon's own series that the dashboard charts: the agent's instrumentation (Pekko, sharding, executors, Pekko HTTP,
 * JDBC) and the JVM and process metrics, which appear only after their first samples (a GC, a few ticks). One list:
 * {@link KamonAgentTest} proves a node started as a node starts exports each of them; {@link DashboardTest} allows
 * these beside the swarm's own series and nothing else.
 */
final class KamonSeries {
  private KamonSeries() {}

  static final Set<String> NAMES = Set.of(
      // Actor system, sharding and the auto-grouped actors of the bot shard region
      "pekko_system_processed_messages_total",
      "pekko_system_dead_letters_total",
      "pekko_system_unhandled_messages_total",
      "pekko_system_active_actors_sum",
      "pekko_system_active_actors_count",
      "pekko_cluster_sharding_region_hosted_entities_sum",
      "pekko_cluster_sharding_region_hosted_entities_count",
      "pekko_cluster_sharding_region_hosted_shards_sum",
      "pekko_cluster_sharding_region_hosted_shards_count",
      "pekko_cluster_sharding_region_processed_messages_total",
      "pekko_group_time_in_mailbox_seconds_bucket",
      "pekko_group_processing_time_seconds_bucket",
      "pekko_group_pending_messages_sum",
      "pekko_group_pending_messages_count",
      "pekko_group_errors_total",
      // Dispatchers (executor instrumentation)
      "executor_threads_active_sum",
      "executor_threads_active_count",
      "executor_threads_max",
      "executor_queue_size_sum",
      "executor_queue_size_count",
      "executor_time_in_queue_seconds_bucket",
      "executor_tasks_completed_total",
      // Pekko HTTP server (the management endpoint here; the swarm's API once it runs)
      "http_server_requests_total",
      "http_server_request_active_sum",
      "http_server_request_active_count",
      // JDBC journal: HikariCP pool and statements
      "jdbc_pool_connections_open_sum",
      "jdbc_pool_connections_open_count",
      "jdbc_pool_connections_borrowed_sum",
      "jdbc_pool_connections_borrowed_count",
      "jdbc_pool_borrow_time_seconds_bucket",
      "jdbc_pool_borrow_timeouts_total",
      "jdbc_statements_in_flight_sum",
      "jdbc_statements_in_flight_count",
      // Spans' latency: HTTP routes and JDBC statements
      "span_processing_time_seconds_bucket",
      // JVM and process (Kamon's system metrics module; no agent needed)
      "jvm_memory_used_bytes_sum",
      "jvm_memory_used_bytes_count",
      "jvm_memory_committed_bytes",
      "jvm_memory_max_bytes",
      "jvm_gc_seconds_sum",
      "jvm_threads_total",
      "process_cpu_usage_sum",
      "process_cpu_usage_count");
}
