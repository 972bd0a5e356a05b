#!/bin/sh
# The oomtop binary must not need libm (issue 7, peak RSS). Mapped, libm.so.6 is ~500 KiB
# of resident memory (smaps: 64 KiB r--p, 296 KiB text, 128 KiB rodata) for the three
# functions we called, and that alone put oomtop's peak RSS above top's (which does not
# link libm) at ~2,000 processes. core/mathx.h has those functions; only the tests link
# libm (Makefile.am TEST_LIBS). When this fails, a libm call or -lm came back: use or
# extend core/mathx.h, and keep -lm out of CORE_LIBS and LIBS.
. "$SRCDIR/tests/e2e/lib.sh"
# configure links libm on purpose where the compiler calls floor and rint out of line
[ -z "${OOMTOP_LIBM:-}" ] ||
	skip "this build links libm on purpose: $OOMTOP_LIBM (floor and rint are calls at -O0 or with clang; configure warned)"

if command -v readelf >/dev/null 2>&1; then
	dyn=$(readelf -dW "$OOMTOP" 2>&1) || fail "readelf -d $OOMTOP: $dyn"
	tool="readelf -d"
elif command -v objdump >/dev/null 2>&1; then
	dyn=$(objdump -p "$OOMTOP" 2>&1) || fail "objdump -p $OOMTOP: $dyn"
	tool="objdump -p"
else
	skip "needs readelf or objdump (binutils) to read the NEEDED entries of $OOMTOP"
fi

if printf '%s\n' "$dyn" | grep -q 'There is no dynamic section'; then
	pass "$OOMTOP is static: no shared libm to map"
	exit 0
fi
needed=$(printf '%s\n' "$dyn" | grep 'NEEDED')
# the parsing works: every dynamic oomtop needs libc
printf '%s\n' "$needed" | grep -q 'libc\.so' ||
	fail "no libc.so among the NEEDED entries from $tool: cannot tell; it printed: $dyn"
if printf '%s\n' "$needed" | grep -q 'libm\.so'; then
	note "$tool $OOMTOP:"
	printf '%s\n' "$needed" | sed 's/^/#   /'
	fail "oomtop needs libm.so again (~500 KiB more peak RSS, issue 7)"
fi
pass "no libm.so among oomtop's NEEDED entries ($(printf '%s\n' "$needed" | wc -l) libraries)"

# libm loaded through another library is not our link's doing (libasan needs it in the
# sanitizer build): say so, don't fail
if command -v ldd >/dev/null 2>&1 && ldd "$OOMTOP" 2>/dev/null | grep -q 'libm\.so'; then
	note "libm.so is still loaded, by a dependency: $(ldd "$OOMTOP" | grep 'libm\.so' | sed 's/^[[:space:]]*//')"
fi
exit 0
