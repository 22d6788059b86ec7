#!/usr/bin/env bash
# A local Apache Cassandra 5 server for the `cassandra` journal profile (development and tests only), run from its
# Maven Central artifacts: nothing is installed by hand. Needs Java 17, Maven and bash.
#
#   scripts/cassandra.sh start       start the server, wait until CQL answers, write the PID file
#   scripts/cassandra.sh stop        SIGTERM by PID, SIGKILL after SWARM_CASSANDRA_STOP_TIMEOUT seconds
#   scripts/cassandra.sh kill        SIGKILL by PID at once (a crash, for tests)
#   scripts/cassandra.sh status      exit 0 when running (prints pid and whether CQL answers), 3 when not
#   scripts/cassandra.sh cql-ready   exit 0 when the CQL port answers a protocol handshake
#   scripts/cassandra.sh classpath   print the server's classpath (resolved with Maven, then cached)
#
# Settings (options override the environment):
#   --dir DIR            SWARM_CASSANDRA_DIR            data, logs, conf and PID file    (default: ./data/cassandra)
#   --cql-port P         SWARM_CASSANDRA_CQL_PORT       CQL native port on 127.0.0.1     (default: 9042)
#   --storage-port P     SWARM_CASSANDRA_STORAGE_PORT   inter-node port on 127.0.0.1     (default: 7000)
#   --heap SIZE          SWARM_CASSANDRA_HEAP           -Xms/-Xmx                        (default: 512M)
#   --owner-pid PID      SWARM_CASSANDRA_OWNER_PID      stop the server when PID ends (tests: no server outlives them)
#   --commitlog-sync M   SWARM_CASSANDRA_COMMITLOG_SYNC batch: acknowledge after fsync (default) | periodic (faster,
#                                                       a killed server may lose acknowledged writes)
#                        SWARM_CASSANDRA_START_TIMEOUT  seconds to wait for CQL          (default: 180)
#                        SWARM_CASSANDRA_STOP_TIMEOUT   seconds from SIGTERM to SIGKILL  (default: 30)
# The JVM flags and the yaml follow ../shared/DESIGN.md §4 (what works on Java 17 here).
set -euo pipefail

SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$SCRIPTS")"
SERVER_POM="$SCRIPTS/cassandra/pom.xml"
CLASSPATH_FILE="$SCRIPTS/cassandra/target/classpath.txt"
HOST=127.0.0.1
MAIN_CLASS=org.apache.cassandra.service.CassandraDaemon

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | grep '^#' | sed 's/^# \{0,1\}//'; }
die() { echo "cassandra.sh: $*" >&2; exit 1; }

COMMAND="${1:-}"
[ -n "$COMMAND" ] || { usage >&2; exit 2; }
shift
DIR="${SWARM_CASSANDRA_DIR:-$REPO/data/cassandra}"
CQL_PORT="${SWARM_CASSANDRA_CQL_PORT:-9042}"
STORAGE_PORT="${SWARM_CASSANDRA_STORAGE_PORT:-7000}"
HEAP="${SWARM_CASSANDRA_HEAP:-512M}"
OWNER_PID="${SWARM_CASSANDRA_OWNER_PID:-}"
COMMITLOG_SYNC="${SWARM_CASSANDRA_COMMITLOG_SYNC:-batch}"
START_TIMEOUT="${SWARM_CASSANDRA_START_TIMEOUT:-180}"
STOP_TIMEOUT="${SWARM_CASSANDRA_STOP_TIMEOUT:-30}"
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --cql-port) CQL_PORT="$2"; shift 2 ;;
    --storage-port) STORAGE_PORT="$2"; shift 2 ;;
    --heap) HEAP="$2"; shift 2 ;;
    --owner-pid) OWNER_PID="$2"; shift 2 ;;
    --commitlog-sync) COMMITLOG_SYNC="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) die "unknown option '$1' (see --help)" ;;
  esac
done
for setting in CQL_PORT STORAGE_PORT START_TIMEOUT STOP_TIMEOUT; do
  [[ "${!setting}" =~ ^[0-9]+$ ]] || die "$setting must be a number, got '${!setting}'"
done
[[ "$COMMITLOG_SYNC" =~ ^(batch|periodic)$ ]] || die "commitlog sync must be batch or periodic, got '$COMMITLOG_SYNC'"
[ "$CQL_PORT" != "$STORAGE_PORT" ] || die "the CQL and storage ports must differ (both $CQL_PORT)"
[ -z "$OWNER_PID" ] || [[ "$OWNER_PID" =~ ^[0-9]+$ ]] || die "owner pid must be a number, got '$OWNER_PID'"
mkdir -p "$DIR"
DIR="$(cd "$DIR" && pwd)"
PID_FILE="$DIR/cassandra.pid"
YAML="$DIR/conf/cassandra.yaml"

# The PID in the PID file, if that process is still this directory's Cassandra (a recycled PID is not ours).
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-Dcassandra.config=file://$YAML " || return 1
  echo "$pid"
}

# A CQL OPTIONS request (protocol v4 frame: version, flags, stream 0, opcode 0x05, empty body); a server whose native
# transport is up answers SUPPORTED (response version byte 0x84, opcode 0x06). An open port alone is not enough.
cql_ready() {
  local reply
  reply="$(timeout 5 bash -c "exec 3<>/dev/tcp/$HOST/$CQL_PORT && printf '\x04\x00\x00\x00\x05\x00\x00\x00\x00' >&3 \
    && head -c 5 <&3 | od -An -tx1" 2>/dev/null | tr -d ' \n')" || return 1
  [ "${reply:0:2}" = "84" ] && [ "${reply:8:2}" = "06" ]
}

port_in_use() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

# The server's classpath: Maven resolves cassandra-all and its dependencies once; the list is kept until the pom changes.
classpath() {
  if [ ! -s "$CLASSPATH_FILE" ] || [ "$SERVER_POM" -nt "$CLASSPATH_FILE" ]; then
    local tmp="$CLASSPATH_FILE.$$"
    mvn -B -q -f "$SERVER_POM" dependency:build-classpath -Dmdep.outputFile="$tmp" >&2 \
      || die "could not resolve org.apache.cassandra:cassandra-all with Maven (see above)"
    mv -f "$tmp" "$CLASSPATH_FILE"
  fi
  cat "$CLASSPATH_FILE"
}

write_config() {
  mkdir -p "$DIR/conf" "$DIR/logs" "$DIR/data" "$DIR/commitlog" "$DIR/saved_caches" "$DIR/hints" "$DIR/cdc_raw" \
    "$DIR/triggers"
  # One node on loopback, no auth (loopback only), one token. Rewritten at every start: the ports may change, the data
  # stays.
  cat > "$YAML" <<EOF
cluster_name: strikeswarm-local
num_tokens: 1
initial_token: 0
partitioner: org.apache.cassandra.dht.Murmur3Partitioner
authenticator: AllowAllAuthenticator
authorizer: AllowAllAuthorizer
role_manager: CassandraRoleManager
endpoint_snitch: SimpleSnitch
seed_provider:
  - class_name: org.apache.cassandra.locator.SimpleSeedProvider
    parameters:
      - seeds: "$HOST:$STORAGE_PORT"
listen_address: $HOST
rpc_address: $HOST
storage_port: $STORAGE_PORT
native_transport_port: $CQL_PORT
start_native_transport: true
data_file_directories:
  - $DIR/data
commitlog_directory: $DIR/commitlog
saved_caches_directory: $DIR/saved_caches
hints_directory: $DIR/hints
cdc_raw_directory: $DIR/cdc_raw
# One node and no replicas: by default ("batch") a write is acknowledged only once its commit log is on disk. With
# "periodic" (acknowledged before the sync) a SIGKILL lost an acknowledged journal write here (CassandraRestartTest).
# A production cluster writes at QUORUM on three replicas instead.
commitlog_sync: $COMMITLOG_SYNC
$([ "$COMMITLOG_SYNC" = periodic ] && echo "commitlog_sync_period: 10000ms")
auto_snapshot: false
EOF
  cat > "$DIR/conf/logback.xml" <<EOF
<configuration>
  <appender name="FILE" class="ch.qos.logback.core.rolling.RollingFileAppender">
    <file>$DIR/logs/system.log</file>
    <rollingPolicy class="ch.qos.logback.core.rolling.FixedWindowRollingPolicy">
      <fileNamePattern>$DIR/logs/system.log.%i.zip</fileNamePattern>
      <minIndex>1</minIndex>
      <maxIndex>3</maxIndex>
    </rollingPolicy>
    <triggeringPolicy class="ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy">
      <maxFileSize>20MB</maxFileSize>
    </triggeringPolicy>
    <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="FILE"/></root>
</configuration>
EOF
}

jvm_flags() {
  local jamm="$1"
  echo "-Xms$HEAP -Xmx$HEAP -Xss256k -XX:+UseG1GC -XX:+ParallelRefProcEnabled -XX:MaxTenuringThreshold=1"
  echo "-XX:G1HeapRegionSize=16m -XX:MaxGCPauseMillis=300 -XX:+ExitOnOutOfMemoryError"
  # The module flags of Cassandra's jvm17-server.options ...
  echo "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED"
  echo "--add-exports java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED"
  echo "--add-exports java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports java.rmi/sun.rmi.server=ALL-UNNAMED"
  echo "--add-exports java.sql/java.sql=ALL-UNNAMED --add-exports java.base/java.lang.ref=ALL-UNNAMED"
  echo "--add-exports jdk.unsupported/sun.misc=ALL-UNNAMED"
  echo "--add-exports jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED"
  echo "--add-exports jdk.attach/sun.tools.attach=ALL-UNNAMED"
  echo "--add-opens java.base/java.lang.module=ALL-UNNAMED --add-opens java.base/jdk.internal.loader=ALL-UNNAMED"
  echo "--add-opens java.base/jdk.internal.ref=ALL-UNNAMED --add-opens java.base/jdk.internal.reflect=ALL-UNNAMED"
  echo "--add-opens java.base/jdk.internal.math=ALL-UNNAMED --add-opens java.base/jdk.internal.module=ALL-UNNAMED"
  echo "--add-opens java.base/jdk.internal.util.jar=ALL-UNNAMED"
  echo "--add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED"
  echo "--add-opens java.base/sun.nio.ch=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED"
  echo "--add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens jdk.compiler/com.sun.tools.javac=ALL-UNNAMED"
  echo "--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED"
  # ... and what Java 17 also needed here (DESIGN §4).
  echo "--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.util.concurrent=ALL-UNNAMED"
  echo "--add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED"
  echo "-Djdk.attach.allowAttachSelf=true -Dio.netty.tryReflectionSetAccessible=true"
  echo "-Dio.netty.allocator.useCacheForAllThreads=true -Dio.netty.allocator.maxOrder=11"
  echo "-javaagent:$jamm"
  echo "-Dcassandra.config=file://$YAML -Dlogback.configurationFile=file://$DIR/conf/logback.xml"
  echo "-Dcassandra.logdir=$DIR/logs -Dcassandra.storagedir=$DIR -Dcassandra.triggers_dir=$DIR/triggers"
  echo "-Dcassandra-foreground=yes"
  # One node: nothing to gossip with, no ring to wait for, no superuser to set up later.
  echo "-Dcassandra.skip_wait_for_gossip_to_settle=0 -Dcassandra.ring_delay_ms=0 -Dcassandra.superuser_setup_delay_ms=0"
}

# Ends the server when the owner (a test JVM) is gone, however it ended: no server outlives the build that started it.
watch_owner() {
  local pid="$1"
  nohup bash -c "
    while kill -0 $OWNER_PID 2>/dev/null && kill -0 $pid 2>/dev/null; do sleep 1; done
    if kill -0 $pid 2>/dev/null && [ \"\$(cat '$PID_FILE' 2>/dev/null)\" = $pid ]; then
      '$SCRIPTS/cassandra.sh' stop --dir '$DIR'
    fi" >> "$DIR/logs/owner-watch.log" 2>&1 < /dev/null &
}

start() {
  local pid
  if pid="$(running_pid)"; then
    echo "cassandra: already running, pid $pid, CQL $HOST:$CQL_PORT"
    wait_for_cql "$pid"
    return
  fi
  rm -f "$PID_FILE"
  for port in "$CQL_PORT" "$STORAGE_PORT"; do
    if port_in_use "$port"; then die "port $HOST:$port is already in use (another server?): choose other ports"; fi
  done
  local cp jamm
  cp="$(classpath)"
  jamm="$(tr ':' '\n' <<< "$cp" | grep -E '/jamm-[0-9.]+\.jar$' | head -1)"
  [ -n "$jamm" ] || die "no jamm jar on the resolved classpath"
  write_config
  # shellcheck disable=SC2046 # the flags are words on purpose
  nohup java $(jvm_flags "$jamm") -cp "$DIR/conf:$cp" "$MAIN_CLASS" \
    >> "$DIR/logs/console.log" 2>&1 < /dev/null &
  pid=$!
  echo "$pid" > "$PID_FILE"
  [ -z "$OWNER_PID" ] || watch_owner "$pid"
  echo "cassandra: started pid $pid, home $DIR, CQL $HOST:$CQL_PORT, storage $HOST:$STORAGE_PORT"
  wait_for_cql "$pid"
}

wait_for_cql() {
  local pid="$1" deadline=$((SECONDS + START_TIMEOUT))
  until cql_ready; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$DIR/logs/console.log" "$DIR/logs/system.log" >&2 2>/dev/null || true
      rm -f "$PID_FILE"
      die "the server (pid $pid) exited before CQL answered; logs in $DIR/logs"
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$DIR/logs/system.log" >&2 2>/dev/null || true
      stop_pid "$pid"
      die "CQL did not answer on $HOST:$CQL_PORT within ${START_TIMEOUT}s; the server was stopped; logs in $DIR/logs"
    fi
    sleep 0.5
  done
  echo "cassandra: CQL answers on $HOST:$CQL_PORT"
}

stop_pid() {
  local pid="$1" signal="${2:-TERM}" deadline
  kill "-$signal" "$pid" 2>/dev/null || true
  deadline=$((SECONDS + STOP_TIMEOUT))
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "cassandra: pid $pid still running ${STOP_TIMEOUT}s after SIG$signal: SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      deadline=$((SECONDS + 30))
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE"
}

case "$COMMAND" in
  start) start ;;
  stop|kill)
    if pid="$(running_pid)"; then
      stop_pid "$pid" "$([ "$COMMAND" = kill ] && echo KILL || echo TERM)"
      echo "cassandra: pid $pid stopped"
    else
      rm -f "$PID_FILE"
      echo "cassandra: not running (home $DIR)"
    fi ;;
  status)
    if pid="$(running_pid)"; then
      if cql_ready; then echo "cassandra: running, pid $pid, CQL answers on $HOST:$CQL_PORT"
      else echo "cassandra: running, pid $pid, CQL not answering on $HOST:$CQL_PORT"; fi
    else
      echo "cassandra: not running (home $DIR)"
      exit 3
    fi ;;
  cql-ready) cql_ready ;;
  classpath) classpath ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
