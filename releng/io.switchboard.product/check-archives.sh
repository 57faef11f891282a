#!/usr/bin/env bash
# Archive check: opens the product archive of every desktop and asserts that it holds what that desktop needs to
# start Switchboard, and nothing of another desktop's.
#
#   check-archives.sh PRODUCTS_DIR
#
# PRODUCTS_DIR is target/products, where tycho-p2-director-plugin leaves switchboard-VERSION-OS.WS.ARCH.(zip|tar.gz).
# Each archive must hold, under its installation folder (the archive's root, or Switchboard.app/Contents/Eclipse
# on macOS, the folder that holds configuration/config.ini):
#   - configuration/config.ini and plugins/org.eclipse.equinox.launcher_*.jar,
#   - plugins/org.eclipse.swt.WS.OS.ARCH_*.jar, its own SWT fragment,
#   - its launcher script ("switchboard", executable, or "switchboard.cmd"), and not the other desktop's,
# and no SWT fragment of another desktop anywhere. Prints one line per check and "N passed, M failed"; exits
# non-zero when anything failed or an archive is missing.
set -u

products=${1:?usage: check-archives.sh PRODUCTS_DIR}
[ -d "$products" ] || { echo "check-archives: no folder $products: was the product built?" >&2; exit 1; }

# Every desktop the product pom builds for: OS.WS.ARCH, archive format, SWT fragment, launcher, foreign launcher.
desktops=(
  "linux.gtk.x86_64     tar.gz org.eclipse.swt.gtk.linux.x86_64     switchboard     switchboard.cmd"
  "win32.win32.x86_64   zip    org.eclipse.swt.win32.win32.x86_64   switchboard.cmd switchboard"
  "macosx.cocoa.x86_64  tar.gz org.eclipse.swt.cocoa.macosx.x86_64  switchboard     switchboard.cmd"
  "macosx.cocoa.aarch64 tar.gz org.eclipse.swt.cocoa.macosx.aarch64 switchboard     switchboard.cmd"
)

passed=0
failed=0
ok()   { passed=$((passed + 1)); echo "ok      $1"; }
fail() { failed=$((failed + 1)); echo "FAILED  $1"; }
check() { # DESCRIPTION CONDITION...
  local what=$1; shift
  if "$@"; then ok "$what"; else fail "$what"; fi
}

# list ARCHIVE: the path of each entry, one a line, without a leading "./".
list() {
  case $1 in
    *.zip)    if command -v zipinfo >/dev/null; then zipinfo -1 "$1"; else jar tf "$1"; fi 2>/dev/null ;;
    *.tar.gz) tar -tzf "$1" 2>/dev/null ;;
  esac | sed 's#^\./##'
}
# mode ARCHIVE PATH: the mode of one entry of a tar archive as ls shows it (-rwxr-xr-x).
mode() {
  tar -tvzf "$1" "$2" "./$2" 2>/dev/null | awk 'NR == 1 { print $1 }'
}

for desktop in "${desktops[@]}"; do
  read -r env format swt launcher foreign <<<"$desktop"
  archive=$(ls "$products"/switchboard-*-"$env.$format" 2>/dev/null | head -n 1)
  if [ -z "$archive" ]; then
    fail "$env: no archive switchboard-*-$env.$format in $products"
    continue
  fi
  name=$(basename "$archive")
  paths=$(list "$archive")
  if [ -z "$paths" ]; then
    fail "$name: cannot be read or is empty"
    continue
  fi
  # The installation folder is where configuration/config.ini lies.
  config=$(grep -E '(^|/)configuration/config\.ini$' <<<"$paths" | head -n 1)
  if [ -z "$config" ]; then
    fail "$name: no configuration/config.ini"
    continue
  fi
  ok "$name: has $config"
  root=${config%configuration/config.ini}

  has_path() { grep -qE "^$(sed 's/[.]/\\./g' <<<"$root")$1\$" <<<"$paths"; }
  check "$name: has ${root}plugins/org.eclipse.equinox.launcher_*.jar" has_path 'plugins/org\.eclipse\.equinox\.launcher_[^/]*\.jar'
  check "$name: has its SWT fragment ${root}plugins/${swt}_*.jar" has_path "plugins/${swt//./\\.}_[^/]*\\.jar"
  check "$name: has the launcher ${root}$launcher" has_path "${launcher//./\\.}"
  if [ "$format" = tar.gz ]; then
    m=$(mode "$archive" "$root$launcher")
    check "$name: the launcher $root$launcher is executable (${m:-missing})" eval '[[ $m == -rwx* ]]'
  fi
  check "$name: has not the other desktops' launcher $foreign" eval '! has_path "${foreign//./\\.}"'

  others=$(grep -E '(^|/)plugins/org\.eclipse\.swt\.(gtk|win32|cocoa)\.[^/]*' <<<"$paths" \
           | grep -vE "(^|/)plugins/${swt//./\\.}_" | sed 's#^\(.*/\)\{0,1\}plugins/\([^/]*\).*#\2#' | sort -u)
  if [ -z "$others" ]; then
    ok "$name: no SWT fragment of another desktop"
  else
    fail "$name: holds SWT fragments of other desktops: $(echo $others)"
  fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
