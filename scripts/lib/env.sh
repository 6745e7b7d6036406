# Sourced by scripts/*: picks a JDK >= 21 and installs the tools the scripts need.
# shellcheck shell=bash

java_major() { # prints the major version of the java at $1/bin/java, or nothing
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}

use_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"; return
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/* /opt/java/* ; do
    [ -x "$dir/bin/javac" ] || continue
    major=$(java_major "$dir"); [ -n "$major" ] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "No JDK >= 21 found (looked in /usr/lib/jvm). Install one, e.g. Temurin 25, or set JAVA_HOME." >&2
    exit 1
  fi
  export JAVA_HOME=$best; export PATH="$JAVA_HOME/bin:$PATH"
}

apt_updated=""
need() { # need <command> [debian-package]
  command -v "$1" >/dev/null 2>&1 && return
  local pkg=${2:-$1}
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "$1 is missing; install the Debian package $pkg" >&2; exit 1
  fi
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  echo "installing $pkg ..." >&2
  if [ -z "$apt_updated" ]; then $sudo apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$pkg" >/dev/null
}

mvn_cmd() { # Maven, quiet about downloads; offline when asked (MVN_OFFLINE=1)
  need mvn maven
  local flags=(-B -ntp)
  [ "${MVN_OFFLINE:-}" = 1 ] && flags+=(-o)
  mvn "${flags[@]}" "$@"
}

# Is the stack jar older than any source? (then build before running)
needs_build() {
  local jar=modules/stack/target/stack.jar
  [ -f "$jar" ] || return 0
  [ -n "$(find pom.xml codegen sql modules kong -path '*/target' -prune -o -type f -newer "$jar" -print -quit)" ]
}

wait_healthy() { # wait_healthy <url> <seconds>
  local url=$1 deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then echo "not healthy after $2 s: $url" >&2; return 1; fi
    sleep 0.5
  done
}
