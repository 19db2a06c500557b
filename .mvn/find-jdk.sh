# Sourced by ./mvnw, ./gnn4j and .ci/run: makes JAVA_HOME point at a JDK >= 25 (gnn4j's baseline).
# Keeps a JAVA_HOME that is already new enough, else looks under the usual JVM folders, else explains.
gnn4j_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }
gnn4j_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(gnn4j_java_major "$JAVA_HOME")" -ge 25 ] 2>/dev/null; then
    return 0
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -x "$candidate/bin/javac" ] && [ "$(gnn4j_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"; export JAVA_HOME
      return 0
    fi
  done
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(gnn4j_java_major "$candidate")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$candidate"; export JAVA_HOME
      return 0
    fi
  fi
  echo "gnn4j needs a JDK 25 or newer and found none (JAVA_HOME='${JAVA_HOME:-}', /usr/lib/jvm)." >&2
  echo "Install one, e.g. 'apt-get install temurin-25-jdk' from Adoptium's repository or 'sdk install java 25-tem'," >&2
  echo "then set JAVA_HOME to it." >&2
  return 1
}
case $- in *f*) set +f; gnn4j_find_jdk || exit 1; set -f ;; *) gnn4j_find_jdk || exit 1 ;; esac
