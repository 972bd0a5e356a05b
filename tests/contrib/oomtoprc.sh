#!/bin/sh
# The example contrib/oomtoprc (installed in $(docdir)/examples): every key the settings
# parser knows is in it (tui/config/settings.c: the keys it compares), and with every line
# uncommented oomtop reads it without one problem reported.
: "${SRCDIR:?run through make check}" "${OOMTOP:?}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
example="$SRCDIR/contrib/oomtoprc"
known=$(sed -n 's/.*strcmp(key, "\([a-z_]*\)") == 0.*/\1/p' "$SRCDIR/tui/config/settings.c" | sort -u)
[ -n "$known" ] || { echo "FAIL: no keys found in tui/config/settings.c"; exit 1; }
listed=$(sed -n 's/^#\([a-z_]*\)=.*/\1/p' "$example" | sort -u)
for k in $known; do
	printf '%s\n' "$listed" | grep -qx "$k" || { echo "FAIL: contrib/oomtoprc lacks $k"; fail=1; }
done
for k in $listed; do
	printf '%s\n' "$known" | grep -qx "$k" || { echo "FAIL: contrib/oomtoprc has $k, which oomtop does not know"; fail=1; }
done
mkdir -p "$tmp/oomtop"
sed -n 's/^#\([a-z_]*=\)/\1/p' "$example" >"$tmp/oomtop/oomtoprc"
XDG_CONFIG_HOME="$tmp" "$OOMTOP" -b -n 1 -p 1 >/dev/null 2>"$tmp/err" || { echo "FAIL: oomtop -b with the example: $(cat "$tmp/err")"; fail=1; }
[ -s "$tmp/err" ] && { echo "FAIL: the example, uncommented, gives: $(cat "$tmp/err")"; fail=1; }
[ $fail = 0 ] && echo "PASS: contrib/oomtoprc lists the $(printf '%s\n' "$known" | wc -l) keys oomtop knows, and reads without a problem"
exit $fail
