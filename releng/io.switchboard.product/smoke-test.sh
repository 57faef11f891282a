#!/usr/bin/env bash
# Product smoke test: runs the materialized product the way a user does, through the "switchboard" script.
#
#   smoke-test.sh PRODUCT_DIR
#
# PRODUCT_DIR is the materialized product (target/products/io.switchboard/linux/gtk/x86_64). The archive and
# the p2 repository are looked for in the target folder above it. Prints "N passed, M failed"; exits non-zero
# when anything failed.
set -u

product=${1:?usage: smoke-test.sh PRODUCT_DIR}
product=$(cd "$product" && pwd) || exit 1
target=${product%/products/*}
sb=$product/switchboard

tmp=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-smoke.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A run never touches the real ~/.switchboard of whoever builds.
export HOME=$tmp/home
mkdir -p "$HOME"

passed=0
failed=0
ok()   { passed=$((passed + 1)); echo "ok      $1"; }
fail() { failed=$((failed + 1)); echo "FAILED  $1"; [ $# -lt 2 ] || sed 's/^/        | /' <<<"$2"; }

# run NAME ARGS...: runs the product, leaves out/err/rc for the checks that follow.
run() {
  "$sb" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  out=$(cat "$tmp/out")
  err=$(cat "$tmp/err")
}
expect() { # DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then ok "$what"; else fail "$what" "rc=$rc
stdout: $out
stderr: $err"; fi
}
has() { grep -q -- "$2" <<<"$1"; }

[ -x "$sb" ] && ok "launcher script is executable at the product root" || fail "launcher script $sb missing or not executable"

# First runs on a fresh installation share one configuration area; start two at once.
"$sb" --data-dir "$tmp/a" info >"$tmp/a.out" 2>&1 & pa=$!
"$sb" --data-dir="$tmp/b" info >"$tmp/b.out" 2>&1 & pb=$!
wait $pa; ra=$?; wait $pb; rb=$?
if [ $ra -eq 0 ] && [ $rb -eq 0 ] && grep -qx "data_dir=$tmp/a" "$tmp/a.out" && grep -qx "data_dir=$tmp/b" "$tmp/b.out"; then
  ok "two instances on different data folders run at once"
else
  fail "two instances on different data folders run at once" "$(cat "$tmp/a.out" "$tmp/b.out")"
fi

run --help
expect "--help exits 0 and lists 'info'" eval '[ $rc -eq 0 ] && grep -Eq "^  info +" <<<"$out"'

run frobnicate
expect "an unknown command exits 2 with 'unknown command'" eval '[ $rc -eq 2 ] && has "$err" "unknown command"'

run --bogus
expect "an unknown option exits 2" eval '[ $rc -eq 2 ] && has "$err" "--bogus"'

touch "$tmp/file"
run --data-dir "$tmp/file/x" info
expect "a data folder under a file exits 1 with one line on stderr" \
  eval '[ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && has "$err" "$tmp/file/x"'

run --data-dir "$tmp/data" info
expect "info reports the data folder given" eval '[ $rc -eq 0 ] && grep -qx "data_dir=$tmp/data" <<<"$out"'

# --debug is the launcher's own option: the command never sees it, the JVM gets -Dswitchboard.debug=true.
run --debug --data-dir "$tmp/data" info
expect "--debug before the command runs the command" eval '[ $rc -eq 0 ] && grep -qx "data_dir=$tmp/data" <<<"$out"'
run --data-dir "$tmp/data" customers import "$tmp/missing.csv"
expect "a failing command prints one line without --debug" \
  eval '[ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && has "$err" "missing.csv"'
run --data-dir "$tmp/data" --debug customers import "$tmp/missing.csv"
expect "--debug makes a failing command print its stack trace" \
  eval '[ $rc -eq 1 ] && has "$err" "missing.csv" && grep -Eq "^[[:space:]]+at [a-z]" <<<"$err"'

mkdir -p "$tmp/home"
HOME=$tmp/home run info
expect "without --data-dir the data folder is \$HOME/.switchboard" \
  eval '[ $rc -eq 0 ] && grep -qx "data_dir=$tmp/home/.switchboard" <<<"$out"'

run -nl zh --help
expect "-nl zh speaks Chinese" eval '[ $rc -eq 0 ] && has "$out" "用法"'

mkdir -p "$tmp/zh"
printf 'ui.language=zh\n' >"$tmp/zh/switchboard.properties"
run --data-dir "$tmp/zh" --help
expect "ui.language=zh in the data folder's settings speaks Chinese" eval '[ $rc -eq 0 ] && has "$out" "用法"'

run --data-dir "$tmp/zh" -nl en --help
expect "-nl wins over ui.language" eval '[ $rc -eq 0 ] && has "$out" "^Usage:"'

# The workbench refuses an unusable data folder before it starts a JVM.
run --data-dir "$tmp/file/x"
expect "the workbench exits 1 on an unusable data folder with one line on stderr" \
  eval '[ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && has "$err" "not writable"'

mkdir -p "$tmp/oldjava/bin"
printf '#!/bin/sh\necho "openjdk version \\"11.0.2\\" 2019-01-15" >&2\n' >"$tmp/oldjava/bin/java"
chmod +x "$tmp/oldjava/bin/java"
JAVA_HOME=$tmp/oldjava run --help
expect "an old Java is refused in one line" eval '[ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && has "$err" "Java 17"'

# What the README's first command does before it opens the workbench: demo data in every capability.
run --data-dir "$tmp/demo" demo --scenario ecommerce --customers 100
expect "demo creates customers and tickets and activates a classifier model" \
  eval '[ $rc -eq 0 ] && has "$out" "tickets=" && has "$out" "model=" && ! has "$out" "model=none"'
run --data-dir "$tmp/demo" customers count
expect "the demo's customers are in the store" eval '[ $rc -eq 0 ] && [ "$out" -ge 100 ]'
run --data-dir "$tmp/demo" tickets count
expect "the demo's tickets are in the store" eval '[ $rc -eq 0 ] && [ "$out" -gt 0 ]'
run --data-dir "$tmp/demo" classifier models
expect "the demo's classifier model is listed" eval '[ $rc -eq 0 ] && [ -n "$out" ]'

archive=$(ls "$target"/products/switchboard-*-linux.gtk.x86_64.tar.gz 2>/dev/null | head -n 1)
if [ -n "$archive" ] && tar -tzf "$archive" 2>/dev/null | grep -qx '\(\./\)\?switchboard'; then
  ok "archive $(basename "$archive") holds the launcher script"
else
  fail "archive products/switchboard-*-linux.gtk.x86_64.tar.gz with the launcher script"
fi

if [ -s "$target/repository/content.jar" ] && [ -s "$target/repository/artifacts.jar" ] \
   && ls "$target"/repository/features/io.switchboard.p2.feature_*.jar >/dev/null 2>&1; then
  ok "p2 repository has content.jar, artifacts.jar and the features"
else
  fail "p2 repository in $target/repository"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
